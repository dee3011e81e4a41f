/** A table as read from a file: a header row and data rows of plain strings. */
export interface ParsedTable {
  headers: string[];
  rows: string[][];
}

/** A file that cannot be read as a table; `row` and `column` (1-based, as people count) say where. */
export class TableParseError extends Error {
  readonly row: number | undefined;
  readonly column: number | undefined;

  constructor(message: string, where: { row?: number; column?: number } = {}) {
    super(message);
    this.row = where.row;
    this.column = where.column;
  }
}

/** Trim cells, drop rows that are wholly empty, and make every row as long as the header. */
export function normaliseTable(headers: readonly string[], rows: readonly (readonly string[])[]): ParsedTable {
  const cleanHeaders = headers.map((header) => header.replace(/\s+/g, ' ').trim());
  while (cleanHeaders.length > 0 && cleanHeaders.at(-1) === '') cleanHeaders.pop();
  if (cleanHeaders.length === 0) throw new TableParseError('The table has no header row', { row: 1 });
  const cleanRows = rows
    .map((row) => cleanHeaders.map((_, index) => (row[index] ?? '').trim()))
    .filter((row) => row.some((cell) => cell !== ''));
  return { headers: cleanHeaders, rows: cleanRows };
}
