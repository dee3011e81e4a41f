import Papa from 'papaparse';
import { normaliseTable, TableParseError, type ParsedTable } from './table.ts';

/**
 * CSV as Excel and LibreOffice write it in Finland: comma or semicolon separated (detected),
 * quoted cells with line breaks, an optional byte-order mark. The first row is the header.
 */
export function parseCsv(text: string): ParsedTable {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const fatal = result.errors.find((error) => error.type === 'Quotes');
  if (fatal) throw new TableParseError(`CSV: ${fatal.message}`, { row: (fatal.row ?? 0) + 1 });
  const [headers, ...rows] = result.data;
  if (!headers) throw new TableParseError('The file is empty');
  return normaliseTable(headers, rows);
}
