/**
 * Spreadsheet and CSV cells that begin with =, +, -, @, tab or carriage return would be read as
 * formulas (CSV/formula injection): they are prefixed with an apostrophe, so every value stays text.
 */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
