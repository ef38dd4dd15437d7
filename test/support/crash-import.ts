/**
 * The child of the kill -9 import test (test/graph/store/crash-safety.test.ts): the real
 * command line, `warmpath import linkedin <file> --json`, run from the sources
 * with tsx (bin/warmpath.js needs a build of dist/, which this test does not make).
 * The store is the one WARMPATH_DB and WARMPATH_OWNER name.
 */
import { runCli } from "../../src/cli/main.js";

const file = process.argv[2];
if (!file) {
  process.stderr.write("usage: crash-import.ts <Connections.csv>\n");
  process.exit(2);
}
process.exitCode = await runCli(["import", "linkedin", file, "--json"]);
