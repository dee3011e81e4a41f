import writeXlsxFile, { type Row, type Sheet } from 'write-excel-file/node';
import type { Block, ReportView } from '../blocks.ts';
import { neutraliseCell } from '../cells.ts';
import type { ReportInput } from '../types.ts';
import { rezip } from '../zip.ts';

type SheetRows = Row[];

const text = (value: string, bold = false) => ({ type: String, value: neutraliseCell(value), ...(bold ? { fontWeight: 'bold' as const } : {}), wrap: true });

function blockRows(block: Block): SheetRows {
  switch (block.kind) {
    case 'heading':
      return [[text(block.text, true)]];
    case 'paragraph':
      return [[text(block.text)]];
    case 'fields':
      return block.pairs.map((p) => [text(p.label, true), text(p.text)]);
    case 'list':
      return block.items.map((item) => [text(item)]);
    case 'image':
      return [[text(block.alt)]];
    case 'table':
      return [
        [text(block.caption, true)],
        block.header.map((h) => text(h, true)),
        ...block.rows.map((row) => (row.group !== undefined ? [text(row.group, true)] : row.cells.map((c) => text(c.text)))),
        [],
      ];
  }
}

/** Sheet names: at most 31 characters, none of []:*?/\, unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, ' ').trim().slice(0, 28) || 'Sheet';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27 - String(i).length)} (${i})`;
  used.add(name.toLowerCase());
  return name;
}

/** XLSX: the cover and one sheet per part; every value a text cell (never a formula), zip times from the snapshot. */
export async function renderXlsx(view: ReportView, input: ReportInput): Promise<Uint8Array> {
  const used = new Set<string>();
  const sheets: Sheet<Buffer>[] = [
    { sheet: sheetName(view.title, used), data: [[text(view.title, true)], ...view.cover.map((c) => [text(c.label, true), text(c.text)])], columns: [{ width: 30 }, { width: 80 }] },
    ...view.parts.map((part) => {
      const data: SheetRows = [[text(part.title, true)], ...part.blocks.flatMap(blockRows)];
      const width = Math.max(1, ...data.map((row) => row.length));
      return { sheet: sheetName(part.title, used), data, columns: Array.from({ length: width }, () => ({ width: 28 })) };
    }),
  ];
  const buffer = await writeXlsxFile(sheets, { fontFamily: 'DejaVu Sans' }).toBuffer();
  const iso = new Date(input.snapshot.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return rezip(new Uint8Array(buffer), input.snapshot.createdAt, (name, data) =>
    name === 'docProps/core.xml' || name === 'docProps/app.xml'
      ? new TextEncoder().encode(new TextDecoder().decode(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`))
      : data,
  );
}
