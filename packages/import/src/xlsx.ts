import { readSheet } from 'read-excel-file/node';
import { checkDeclaredSizes } from './zip-limits.ts';
import { normaliseTable, TableParseError, type ParsedTable } from './table.ts';

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The first sheet of an .xlsx workbook; the first row is the header. */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedTable> {
  checkDeclaredSizes(bytes);
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch (error) {
    throw new TableParseError(`Not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const [headers, ...rows] = data.map((row) => row.map(cellText));
  if (!headers) throw new TableParseError('The first sheet is empty');
  return normaliseTable(headers, rows);
}
