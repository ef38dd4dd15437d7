/** `warmpath serve` failing to start says why in one line and exits 1: through the real binary. */
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDist, scratchDir, warmpath } from "./warmpath-binary.js";

const dir = scratchDir();
let busy: Server;
let port: number;

beforeAll(async () => {
  await buildDist();
  busy = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  port = (busy.address() as { port: number }).port;
}, 240_000);

afterAll(() => new Promise<void>((resolve) => busy.close(() => resolve())));

describe("warmpath serve, when it cannot start", () => {
  it("says in one line that the port is in use, on the --db store", async () => {
    const out = await warmpath(join(dir, "serve.db"), ["serve"], {
      PORT: String(port),
      HOST: "127.0.0.1",
    });
    expect(out.code).toBe(1);
    expect(out.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain(`port ${port} is in use`);
  });

  it("says in one line that the --db file cannot be opened", async () => {
    writeFileSync(join(dir, "a-file"), "");
    const out = await warmpath(join(dir, "a-file", "inside-a-file.db"), ["serve"], {
      PORT: "0",
      HOST: "127.0.0.1",
    });
    expect(out.code).toBe(1);
    expect(out.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(out.stderr).toContain("inside-a-file.db");
  });
});
