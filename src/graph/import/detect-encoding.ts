/**
 * Text encoding of a contact file from its first bytes. Exports come as UTF-8
 * (with a BOM from Google and Outlook, without from LinkedIn), UTF-16 (Outlook's
 * "Unicode" CSV, Excel's "Unicode text") and Windows-1252 (Excel's plain "CSV"
 * on Western-European Windows).
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** How many leading bytes the NUL-pattern test and the UTF-8 test look at. */
export const ENCODING_SAMPLE_BYTES = Object.freeze({ nulPattern: 1024, utf8: 64 * 1024 });

/**
 * Share of zero bytes at one parity above which text is taken for UTF-16: Latin
 * text in UTF-16 has a NUL in (nearly) every other byte, other encodings none.
 */
const NUL_SHARE = 0.3;
const OTHER_PARITY_MAX_SHARE = 0.05;

/** True when the bytes are valid UTF-8, allowing a character cut off at the end of the sample. */
function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** From a BOM, else from the byte pattern of the first bytes (UTF-16 without BOM has NULs in every other byte; invalid UTF-8 means Windows-1252). */
export function detectEncoding(head: Uint8Array): TextEncodingName {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";

  const pairs = Math.floor(Math.min(head.length, ENCODING_SAMPLE_BYTES.nulPattern) / 2);
  if (pairs > 0) {
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < pairs * 2; i += 2) {
      if (head[i] === 0) evenZeros++;
      if (head[i + 1] === 0) oddZeros++;
    }
    if (oddZeros >= pairs * NUL_SHARE && evenZeros <= pairs * OTHER_PARITY_MAX_SHARE)
      return "utf-16le";
    if (evenZeros >= pairs * NUL_SHARE && oddZeros <= pairs * OTHER_PARITY_MAX_SHARE)
      return "utf-16be";
  }
  return isUtf8(head.subarray(0, ENCODING_SAMPLE_BYTES.utf8)) ? "utf-8" : "windows-1252";
}
