/**
 * Reads a POST body as JSON, accepting only UTF-8: a declared charset other
 * than UTF-8, bytes that are not UTF-8, or a media type that is not JSON are
 * refused (UNSUPPORTED_MEDIA_TYPE, 415) rather than guessed at, so a body can
 * never mean one thing to a proxy or a logger and another to the server.
 * Bodies are capped before parsing (PAYLOAD_TOO_LARGE, 413).
 */
import type { IncomingMessage } from "node:http";
import { ErrorCode, WarmpathError } from "../errors.js";

/** Labels of UTF-8 (the WHATWG encoding standard names `utf8` as one). */
const UTF8_LABELS = new Set(["utf-8", "utf8"]);

const unsupported = (message: string): WarmpathError =>
  new WarmpathError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, message);

/** Checks the Content-Type before any byte is read. */
function checkContentType(header: string | undefined): void {
  const [mediaType = "", ...parameters] = (header ?? "")
    .split(";")
    .map((part) => part.trim().toLowerCase());
  if (mediaType !== "application/json")
    throw unsupported(
      `POST /graphql takes a JSON body: send content-type: application/json (got ${JSON.stringify(header ?? "none")}).`,
    );
  for (const parameter of parameters) {
    const [name, value = ""] = parameter.split("=").map((part) => part.trim());
    if (name === "charset" && !UTF8_LABELS.has(value.replace(/^"|"$/g, "")))
      throw unsupported(`Only UTF-8 bodies are accepted (got charset ${JSON.stringify(value)}).`);
  }
}

function readBytes(request: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () =>
    new WarmpathError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `The request body is larger than ${limit} bytes.`,
      { limit: "bodyLimitBytes", max: limit },
    );
  return new Promise((resolve, reject) => {
    if (Number(request.headers["content-length"] ?? 0) > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

/** The parsed body of a POST (an empty body stays "", for Apollo to refuse in its words). */
export async function readJsonBody(request: IncomingMessage, limitBytes: number): Promise<unknown> {
  checkContentType(request.headers["content-type"]);
  const bytes = await readBytes(request, limitBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw unsupported("The request body is not valid UTF-8.");
  }
  if (text.length === 0) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new WarmpathError(ErrorCode.BAD_REQUEST, "The request body is not valid JSON.");
  }
}
