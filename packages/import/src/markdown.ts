import { normaliseTable, TableParseError, type ParsedTable } from './table.ts';

const separatorCell = /^:?-{2,}:?$/;

/**
 * A separator row (`| --- | :--: |`): cells of two or more dashes with optional alignment colons.
 * Split and checked cell by cell, in linear time; one regular expression over the whole line
 * backtracked quadratically on long runs of spaces.
 */
function isSeparatorRow(line: string): boolean {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|')) body = body.slice(0, -1);
  if (body === '') return false;
  return body.split('|').every((cell) => separatorCell.test(cell.trim()));
}

function cells(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  // Split on pipes that are not escaped.
  return body.split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, '|').replace(/<br\s*\/?>/gi, '\n').trim());
}

/**
 * The tables of a Markdown (GFM) text: a header line, a separator line of dashes, then rows.
 * Word and many converters export tables like this; the text around them is ignored.
 */
export function parseMarkdownTables(text: string): ParsedTable[] {
  const lines = text.split(/\r?\n/);
  const tables: ParsedTable[] = [];
  for (let i = 0; i < lines.length - 1; i++) {
    if (!lines[i]!.includes('|') || !isSeparatorRow(lines[i + 1]!)) continue;
    const headers = cells(lines[i]!);
    const rows: string[][] = [];
    let j = i + 2;
    for (; j < lines.length && lines[j]!.trim().startsWith('|'); j++) rows.push(cells(lines[j]!));
    tables.push(normaliseTable(headers, rows));
    i = j - 1;
  }
  return tables;
}

/** The first table of a Markdown text. */
export function parseMarkdownTable(text: string): ParsedTable {
  const [first] = parseMarkdownTables(text);
  if (!first) throw new TableParseError('No Markdown table found (a header row, a row of dashes, then rows)');
  return first;
}
