import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, ReportView, TableCell as ViewCell } from '../blocks.ts';
import { svgToPng } from '../png.ts';
import type { ReportInput } from '../types.ts';
import { rezip } from '../zip.ts';

const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Text with line breaks as runs (docx would otherwise drop the newlines). */
function runs(text: string, options: { bold?: boolean; color?: string } = {}): TextRun[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options }));
}

function para(text: string, options: { bold?: boolean; color?: string } = {}): Paragraph {
  return new Paragraph({ children: runs(text, options) });
}

function viewCell(cell: ViewCell): TableCell {
  if (!cell.status) return new TableCell({ children: [para(cell.text)] });
  const fill = cell.status.colour.replace('#', '').toUpperCase();
  return new TableCell({ shading: { type: ShadingType.CLEAR, color: 'auto', fill }, children: [para(cell.text, { bold: true, color: 'FFFFFF' })] });
}

function blockElements(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: headingLevels[block.level], children: runs(block.text) })];
    case 'paragraph':
      return [para(block.text)];
    case 'fields':
      return block.pairs.map((p) => new Paragraph({ children: [new TextRun({ text: `${p.label}: `, bold: true }), ...runs(p.text)] }));
    case 'list':
      return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(item) }));
    case 'image': {
      const scale = Math.min(1, 640 / block.width);
      return [
        new Paragraph({
          alignment: AlignmentType.LEFT,
          children: [
            new ImageRun({
              type: 'png',
              data: svgToPng(block.svg, block.width),
              transformation: { width: Math.round(block.width * scale), height: Math.round(block.height * scale) },
              altText: { name: block.alt.slice(0, 60), title: block.alt, description: block.alt },
            }),
          ],
        }),
      ];
    }
    case 'table': {
      const n = Math.max(1, block.header.length);
      const header = new TableRow({ tableHeader: true, cantSplit: true, children: block.header.map((h) => new TableCell({ shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EBF0' }, children: [para(h, { bold: true })] })) });
      const rows = block.rows.map((row) =>
        row.group !== undefined
          ? new TableRow({ cantSplit: true, children: [new TableCell({ columnSpan: n, children: [para(row.group, { bold: true })] })] })
          : new TableRow({ cantSplit: true, children: row.cells.map(viewCell) }),
      );
      return [new Paragraph({ keepNext: true, children: [new TextRun({ text: block.caption, bold: true })] }), new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] })];
    }
  }
}

/**
 * DOCX with heading styles, repeated table header rows, document language and the shipped font
 * named; core properties and zip entry times from the snapshot, so the bytes are the same every time.
 */
export async function renderDocx(view: ReportView, input: ReportInput): Promise<Uint8Array> {
  const language = { value: view.lang };
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(view.title) }),
    ...view.cover.map((c) => new Paragraph({ children: [new TextRun({ text: `${c.label}: `, bold: true }), ...runs(c.text)] })),
  ];
  for (const part of view.parts) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: runs(part.title) }));
    for (const block of part.blocks) children.push(...blockElements(block));
  }
  const doc = new Document({
    creator: input.snapshot.createdBy,
    lastModifiedBy: input.snapshot.createdBy,
    title: view.title,
    description: input.snapshot.label,
    revision: input.snapshot.version,
    styles: { default: { document: { run: { font: 'DejaVu Sans', size: 18, language } }, heading1: { run: { language } }, title: { run: { language } } } },
    sections: [{ children }],
  });
  const bytes = await Packer.toBuffer(doc);
  const iso = new Date(input.snapshot.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return rezip(new Uint8Array(bytes), input.snapshot.createdAt, (name, data) =>
    name === 'docProps/core.xml'
      ? new TextEncoder().encode(new TextDecoder().decode(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`))
      : data,
  );
}
