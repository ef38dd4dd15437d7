/**
 * The text of a vCard 2.1 value written in another transfer encoding:
 * quoted-printable (RFC 2045 section 6.7: `=XX` is one byte; the soft line
 * breaks were already joined by the line reader) or base64, whose bytes are
 * text in the property's `CHARSET` (UTF-8, ISO-8859-1 or Windows-1252, or
 * any charset the runtime's TextDecoder knows). Phones and old Outlook write
 * "Jürgen" as `J=C3=BCrgen` with `CHARSET=UTF-8`, or `J=FCrgen` with
 * `CHARSET=ISO-8859-1`.
 */
import { decodeWindows1252 } from "./decode-stream.js";

/** Charsets read as Windows-1252, a superset of ISO-8859-1 and ASCII (as browsers read them). */
const SINGLE_BYTE = new Set([
  "iso-8859-1",
  "iso8859-1",
  "latin1",
  "latin-1",
  "windows-1252",
  "cp1252",
  "us-ascii",
  "ascii",
]);

/** The bytes a quoted-printable value stands for; characters outside `=XX` are taken as they are (UTF-8 for non-ASCII). */
export function quotedPrintableBytes(value: string): Uint8Array {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x3d && /^[0-9a-f]{2}$/i.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x80) bytes.push(c);
    else bytes.push(...encoder.encode(value[i]!));
  }
  return Uint8Array.from(bytes);
}

/** The bytes of a base64 value, ignoring whitespace; null when it is not base64. */
export function base64Bytes(value: string): Uint8Array | null {
  const compact = value.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Uint8Array.from(Buffer.from(compact, "base64"));
}

/**
 * Bytes as text in `charset`; without one, UTF-8 when they are valid UTF-8,
 * else Windows-1252. A charset the runtime does not know is read the same
 * way, with a warning.
 */
export function bytesInCharset(
  bytes: Uint8Array,
  charset: string | undefined,
): { text: string; warning: string | null } {
  const label = charset?.trim().toLowerCase();
  if (label !== undefined && SINGLE_BYTE.has(label))
    return { text: decodeWindows1252(bytes), warning: null };
  if (label !== undefined && label !== "utf-8" && label !== "utf8") {
    try {
      return { text: new TextDecoder(label).decode(bytes), warning: null };
    } catch {
      return {
        text: utf8OrWindows1252(bytes),
        warning: `unknown CHARSET=${charset}; read as UTF-8 (or Windows-1252 where it is not UTF-8)`,
      };
    }
  }
  return { text: utf8OrWindows1252(bytes), warning: null };
}

function utf8OrWindows1252(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return decodeWindows1252(bytes);
  }
}
