import type { ReportView } from '../blocks.ts';
import { neutraliseCell } from '../cells.ts';

function field(text: string): string {
  const safe = neutraliseCell(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * CSV (RFC 4180, CRLF, UTF-8 with a byte-order mark so spreadsheet programs read ä and å): the cover,
 * then every table of the report under a line naming its part and caption, a blank line between.
 */
export function renderCsv(view: ReportView): Uint8Array {
  const lines: string[] = [field(view.title), ...view.cover.map((c) => [c.label, c.text].map(field).join(','))];
  for (const part of view.parts) {
    for (const block of part.blocks) {
      if (block.kind !== 'table') continue;
      lines.push('', [part.title, block.caption].map(field).join(','), block.header.map(field).join(','));
      for (const row of block.rows) lines.push(row.group !== undefined ? field(row.group) : row.cells.map((c) => field(c.text)).join(','));
    }
  }
  return new TextEncoder().encode(`\ufeff${lines.join('\r\n')}\r\n`);
}
