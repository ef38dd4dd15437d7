/**
 * One CSV cell, safe to open in a spreadsheet. A cell that starts with `=`,
 * `+`, `-` or `@` (or a tab or carriage return, which some spreadsheets skip
 * before reading a formula) is a formula to Excel, LibreOffice and Google
 * Sheets; prefixing `'` makes it text (OWASP "CSV Injection"). Full-width
 * look-alikes are prefixed too, since some spreadsheets fold them to ASCII,
 * and so is a formula after leading spaces, since some readers trim them
 * (the exports turn a leading tab into a space).
 * Then RFC 4180 quoting: a cell holding a comma, a quote or a line break is
 * wrapped in quotes, with its quotes doubled.
 */

const FORMULA_START = /^[\t\r]|^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A value written as one CSV cell that a spreadsheet shows as text and never runs. */
export function csvCell(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
