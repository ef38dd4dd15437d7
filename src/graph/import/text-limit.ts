/**
 * The cap on an import given as text (the API's uploads): a file past it is PAYLOAD_TOO_LARGE
 * on `text`, with the advice to use the command line, which streams files of any size.
 */
import { ErrorCode, WarmpathError } from "../../errors.js";

/** Throws PAYLOAD_TOO_LARGE when `text` is longer than `maxChars` (no cap when undefined). */
export function checkTextLimit(text: string, maxChars: number | undefined, what: string): void {
  if (maxChars === undefined || text.length <= maxChars) return;
  throw new WarmpathError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `text: ${what} is longer than ${maxChars} characters; import it with the command line`,
    { field: "text" },
  );
}
