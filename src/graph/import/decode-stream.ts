/**
 * Bytes to text, incrementally: a contact file is decoded chunk by chunk
 * (TextDecoder in stream mode, so a character split across two chunks
 * survives), after its encoding is detected from the first 64 KiB. A BOM is
 * dropped.
 */
import { detectEncoding, type TextEncodingName } from "./detect-encoding.js";

/** Bytes read before the encoding is decided, and the slice size a single buffer is decoded in. */
export const DECODE_DEFAULTS = Object.freeze({ headBytes: 64 * 1024, sliceBytes: 64 * 1024 });

/** Decodes the chunks of one file in order; `end` flushes a character cut off at the end. */
export interface ChunkDecoder {
  /** The encoding in use; a UTF-8 guess may turn into Windows-1252 (see `createChunkDecoder`). */
  readonly encoding: TextEncodingName;
  write(bytes: Uint8Array): string;
  end(): string;
}

/** Windows-1252 characters for bytes 0x80-0x9F (five of them are unassigned and map to themselves, as browsers do). */
const WINDOWS_1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

// Node 20's TextDecoder("windows-1252") decodes ISO-8859-1 (0x80 stays U+0080, not "€"), so 0x80-0x9F are mapped here.
const latin1 = new TextDecoder("latin1");
/** Windows-1252 bytes as text (also what files labelled ISO-8859-1 mean, as browsers read them). */
export const decodeWindows1252 = (bytes: Uint8Array): string =>
  latin1.decode(bytes).replace(/[\x80-\x9f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);

const isBom = (bytes: Uint8Array): boolean =>
  bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

/**
 * UTF-8 that falls back to Windows-1252 at the first invalid byte when all
 * text before it was ASCII: the detector only sees the head of the file, and a
 * Windows-1252 file whose first 64 KiB are ASCII is read right this way. After
 * real UTF-8 text (or a BOM), an invalid byte is only replaced with U+FFFD.
 */
class Utf8ChunkDecoder implements ChunkDecoder {
  encoding: TextEncodingName = "utf-8";
  private readonly strict = new TextDecoder("utf-8", { fatal: true });
  private lenient: InstanceType<typeof TextDecoder> | null = null;
  private asciiSoFar = true;
  private started = false;
  /** While all text was ASCII: the non-ASCII bytes at the end of the last chunk, held by the decoder as an unfinished character. */
  private held: Uint8Array = new Uint8Array(0);

  write(bytes: Uint8Array): string {
    if (!this.started) {
      this.started = true;
      if (isBom(bytes)) this.asciiSoFar = false;
    }
    if (this.encoding === "windows-1252") return decodeWindows1252(bytes);
    if (this.lenient !== null) return this.lenient.decode(bytes, { stream: true });
    try {
      const text = this.strict.decode(bytes, { stream: true });
      if (this.asciiSoFar) {
        if (/[^\x00-\x7f]/.test(text)) this.asciiSoFar = false;
        else this.held = trailingHighBytes(bytes, this.held);
      }
      return text;
    } catch {
      if (this.asciiSoFar) {
        this.encoding = "windows-1252";
        return decodeWindows1252(concat([this.held, bytes]));
      }
      this.lenient = new TextDecoder("utf-8", { ignoreBOM: true });
      return this.lenient.decode(bytes, { stream: true });
    }
  }

  end(): string {
    if (this.encoding === "windows-1252") return "";
    if (this.lenient !== null) return this.lenient.decode();
    try {
      return this.strict.decode();
    } catch {
      return this.asciiSoFar ? decodeWindows1252(this.held) : "\ufffd";
    }
  }
}

/** The bytes >= 0x80 that end `bytes` (at most 3, the most a UTF-8 decoder holds back); `previous` continues when `bytes` is all of them. */
function trailingHighBytes(bytes: Uint8Array, previous: Uint8Array): Uint8Array {
  let start = bytes.length;
  while (start > 0 && bytes.length - start < 3 && bytes[start - 1]! >= 0x80) start--;
  const tail = bytes.slice(start);
  return start === 0 ? concat([previous, tail]).slice(-3) : tail;
}

class WebChunkDecoder implements ChunkDecoder {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  constructor(readonly encoding: "utf-16le" | "utf-16be") {
    this.decoder = new TextDecoder(encoding);
  }
  write(bytes: Uint8Array): string {
    return this.decoder.decode(bytes, { stream: true });
  }
  end(): string {
    return this.decoder.decode();
  }
}

const windows1252Decoder = (): ChunkDecoder => ({
  encoding: "windows-1252",
  write: decodeWindows1252,
  end: () => "",
});

/** An incremental decoder for one file in one encoding. */
export function createChunkDecoder(encoding: TextEncodingName): ChunkDecoder {
  switch (encoding) {
    case "utf-8":
      return new Utf8ChunkDecoder();
    case "utf-16le":
    case "utf-16be":
      return new WebChunkDecoder(encoding);
    case "windows-1252":
      return windows1252Decoder();
    default: {
      const never: never = encoding;
      throw new TypeError(`unknown encoding ${String(never)}`);
    }
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function* slices(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

/** A file's text as chunks, and the encoding detected (or given) for it. */
export interface DecodedText {
  encoding: TextEncodingName;
  text: AsyncIterable<string>;
}

/**
 * Decodes bytes that arrive in chunks (or one buffer, read in slices) without
 * holding them whole: the first 64 KiB decide the encoding, unless one is given.
 */
export async function decodeStream(
  source: AsyncIterable<Uint8Array> | Uint8Array,
  options: { encoding?: TextEncodingName } = {},
): Promise<DecodedText> {
  const iterator = (
    source instanceof Uint8Array ? slices(source, DECODE_DEFAULTS.sliceBytes) : source
  )[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let exhausted = false;
  while (size < DECODE_DEFAULTS.headBytes) {
    const next = await iterator.next();
    if (next.done === true) {
      exhausted = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  const headBytes = concat(head.length === 0 ? [new Uint8Array(0)] : head);
  const encoding = options.encoding ?? detectEncoding(headBytes);

  async function* text(): AsyncGenerator<string> {
    const decoder = createChunkDecoder(encoding);
    try {
      let chunk = decoder.write(headBytes);
      if (chunk !== "") yield chunk;
      while (!exhausted) {
        const next = await iterator.next();
        if (next.done === true) exhausted = true;
        else if ((chunk = decoder.write(next.value)) !== "") yield chunk;
      }
      chunk = decoder.end();
      if (chunk !== "") yield chunk;
    } finally {
      // A reader that stops early (a bad header) releases the source, e.g. closes the file.
      if (!exhausted) await iterator.return?.();
    }
  }
  return { encoding, text: text() };
}
