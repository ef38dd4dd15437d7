/**
 * A new password for `user create` and `user password`, never from an option (it would show in
 * the process list and the shell's history): one line on stdin with --password-stdin, else typed
 * twice at the terminal with echo off. Prompts go to stderr, so stdout stays the command's output.
 */
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { checkPasswordPolicy } from "../auth/index.js";
import { badInput } from "../errors.js";

/** More than any password the policy allows (256 characters of up to 4 bytes): stdin is not a file. */
const MAX_STDIN_BYTES = 4_096;

export interface PasswordStreams {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  prompt: NodeJS.WritableStream;
}

/** stdin up to its end, as one line: the trailing newline is dropped, any other line break refused. */
async function oneLineFrom(input: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > MAX_STDIN_BYTES)
      throw badInput("--password-stdin", `stdin holds more than ${MAX_STDIN_BYTES} bytes`);
    chunks.push(bytes);
  }
  const line = Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
  if (/[\r\n]/.test(line)) throw badInput("--password-stdin", "give the password on one line");
  return line;
}

/** One answer typed at the terminal; readline edits the line, its echo goes nowhere. */
function askHidden(question: string, streams: PasswordStreams): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: streams.input, output: muted, terminal: true });
  streams.prompt.write(question);
  return new Promise<string>((resolve, reject) => {
    rl.on("SIGINT", () => reject(badInput("password", "cancelled")));
    // Ctrl-D before Enter closes the input: no answer is coming (a settled promise ignores this).
    rl.on("close", () => reject(badInput("password", "no password given")));
    rl.question("", resolve);
  }).finally(() => {
    rl.close();
    streams.prompt.write("\n");
  });
}

/**
 * The new password: from stdin when `fromStdin`, else asked twice at a terminal (the policy is
 * checked after the first entry, so a short one is not typed twice). Without a terminal and
 * without --password-stdin there is nobody to ask: BAD_USER_INPUT saying what to do.
 */
export async function readNewPassword(
  fromStdin: boolean,
  streams: PasswordStreams = { input: process.stdin, prompt: process.stderr },
): Promise<string> {
  if (fromStdin) return oneLineFrom(streams.input);
  if (streams.input.isTTY !== true)
    throw badInput(
      "--password-stdin",
      "stdin is not a terminal, so the password cannot be asked: pipe it in with --password-stdin",
    );
  const first = await askHidden("New password (at least 15 characters): ", streams);
  checkPasswordPolicy(first);
  const again = await askHidden("The same password again: ", streams);
  if (again !== first) throw badInput("password", "the two entries differ");
  return first;
}
