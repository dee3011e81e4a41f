import { parseCsv } from './csv.ts';
import { decodeText } from './encoding.ts';
import { parseMarkdownTable } from './markdown.ts';
import { TableParseError, type ParsedTable } from './table.ts';
import { parseXlsx } from './xlsx.ts';

export { parseCsv } from './csv.ts';
export { parseMarkdownTable, parseMarkdownTables } from './markdown.ts';
export { parseXlsx } from './xlsx.ts';
export { xlsxLimits } from './zip-limits.ts';
export { TableParseError, type ParsedTable } from './table.ts';

export const importContentTypes = {
  csv: 'text/csv',
  markdown: 'text/markdown',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Read an uploaded file as a table, by its media type. */
export async function parseTableFile(bytes: Uint8Array, contentType: string): Promise<ParsedTable> {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === importContentTypes.xlsx) return parseXlsx(bytes);
  const text = decodeText(bytes, contentType);
  if (type === 'text/csv') return parseCsv(text);
  if (type === 'text/markdown' || type === 'text/x-markdown') return parseMarkdownTable(text);
  throw new TableParseError(`Unsupported file type "${type}": send text/csv, text/markdown or ${importContentTypes.xlsx}`);
}
