/**
 * A child for the concurrent-open test: opens and migrates a series of new SQLite files,
 * each at an agreed moment, so that several processes open each file at once. Prints one
 * line per file: "ok <i>" or "error <i> <message>".
 *
 * Usage: node --import tsx test/support/sqlite-opener.ts <folder> <files> <start epoch ms>
 */
import { join } from "node:path";
import { migrate, openDatabase } from "../../src/graph/store/sqlite/sqlite-connection.js";

const [folder, files, startAt] = process.argv.slice(2);
const STEP_MS = 40;
for (let i = 0; i < Number(files); i++) {
  const moment = Number(startAt) + i * STEP_MS;
  while (Date.now() < moment); // spin: a timer would wake the processes too far apart
  try {
    const db = openDatabase(join(folder!, `file-${i}.db`));
    migrate(db);
    db.close();
    console.log(`ok ${i}`);
  } catch (error) {
    console.log(`error ${i} ${(error as Error).message}`);
  }
}
