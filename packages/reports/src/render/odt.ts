import type { Block, ReportView, TableCell } from '../blocks.ts';
import { svgToPng } from '../png.ts';
import type { ReportInput } from '../types.ts';
import { escapeXml as esc } from '../xml.ts';
import { zipEntries } from '../zip.ts';
import { odfNamespaces, odtStyles } from './odt-styles.ts';

/** Text with its line breaks as ODF line breaks; everything escaped. */
function lines(text: string): string {
  return text.split('\n').map(esc).join('<text:line-break/>');
}

class OdtWriter {
  readonly images: { path: string; png: Uint8Array }[] = [];
  readonly colours = new Set<string>();
  private tableCount = 0;

  cell(cell: TableCell): string {
    if (!cell.status) return `<table:table-cell office:value-type="string"><text:p text:style-name="Table_20_Contents">${lines(cell.text)}</text:p></table:table-cell>`;
    const colour = cell.status.colour.toLowerCase();
    this.colours.add(colour);
    return `<table:table-cell table:style-name="status-${colour.slice(1)}" office:value-type="string"><text:p text:style-name="StatusText">${lines(cell.text)}</text:p></table:table-cell>`;
  }

  block(block: Block): string {
    switch (block.kind) {
      case 'heading':
        return `<text:h text:style-name="Heading_20_${block.level}" text:outline-level="${block.level}">${lines(block.text)}</text:h>`;
      case 'paragraph':
        return `<text:p text:style-name="Text_20_body">${lines(block.text)}</text:p>`;
      case 'fields':
        return block.pairs.map((p) => `<text:p text:style-name="Text_20_body"><text:span text:style-name="Strong">${esc(p.label)}: </text:span>${lines(p.text)}</text:p>`).join('');
      case 'list':
        return `<text:list>${block.items.map((item) => `<text:list-item><text:p text:style-name="Text_20_body">${lines(item)}</text:p></text:list-item>`).join('')}</text:list>`;
      case 'image': {
        const path = `Pictures/image${this.images.length + 1}.png`;
        this.images.push({ path, png: svgToPng(block.svg, block.width) });
        const scale = Math.min(1, 18 / (block.width / 37.8));
        const w = ((block.width / 37.8) * scale).toFixed(2);
        const h = ((block.height / 37.8) * scale).toFixed(2);
        return (
          `<text:p text:style-name="Text_20_body"><draw:frame draw:name="${esc(path)}" text:anchor-type="as-char" svg:width="${w}cm" svg:height="${h}cm">` +
          `<draw:image xlink:href="${path}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/><svg:title>${esc(block.alt)}</svg:title><svg:desc>${esc(block.alt)}</svg:desc></draw:frame></text:p>`
        );
      }
      case 'table': {
        const n = Math.max(1, block.header.length);
        this.tableCount++;
        const head = `<table:table-header-rows><table:table-row>${block.header.map((h) => `<table:table-cell table:style-name="head" office:value-type="string"><text:p text:style-name="Table_20_Heading">${lines(h)}</text:p></table:table-cell>`).join('')}</table:table-row></table:table-header-rows>`;
        const rows = block.rows
          .map((row) =>
            row.group !== undefined
              ? `<table:table-row><table:table-cell table:number-columns-spanned="${n}" office:value-type="string"><text:p text:style-name="Table_20_Heading">${lines(row.group)}</text:p></table:table-cell>${'<table:covered-table-cell/>'.repeat(n - 1)}</table:table-row>`
              : `<table:table-row>${row.cells.map((c) => this.cell(c)).join('')}</table:table-row>`,
          )
          .join('');
        return (
          `<text:p text:style-name="Caption">${lines(block.caption)}</text:p>` +
          `<table:table table:name="Table${this.tableCount}" table:style-name="table"><table:table-column table:number-columns-repeated="${n}"/>${head}${rows}</table:table>`
        );
      }
    }
  }
}

/**
 * ODT written by hand (no maintained permissive writer exists): content, styles, meta and manifest
 * zipped with `mimetype` stored first; heading styles with outline levels, table header rows that
 * repeat on every page, the document language; dates and zip times from the snapshot.
 */
export function renderOdt(view: ReportView, input: ReportInput): Uint8Array {
  const writer = new OdtWriter();
  const body: string[] = [`<text:p text:style-name="Title">${lines(view.title)}</text:p>`];
  for (const c of view.cover) body.push(`<text:p text:style-name="Text_20_body"><text:span text:style-name="Strong">${esc(c.label)}: </text:span>${lines(c.text)}</text:p>`);
  for (const part of view.parts) {
    body.push(`<text:h text:style-name="PartHeading" text:outline-level="1">${lines(part.title)}</text:h>`);
    for (const block of part.blocks) body.push(writer.block(block));
  }
  const statusStyles = [...writer.colours]
    .sort()
    .map((colour) => `<style:style style:name="status-${colour.slice(1)}" style:family="table-cell"><style:table-cell-properties fo:background-color="${colour}" fo:padding="0.05cm" fo:border="0.5pt solid #8a8f98"/></style:style>`)
    .join('');
  const content =
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content ${odfNamespaces} office:version="1.3"><office:automatic-styles>` +
    `<style:style style:name="PartHeading" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>` +
    `<style:style style:name="StatusText" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:color="#ffffff" fo:font-weight="bold"/></style:style>` +
    `<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>` +
    `<style:style style:name="table" style:family="table"><style:table-properties style:width="18.2cm" table:align="margins"/></style:style>` +
    `<style:style style:name="head" style:family="table-cell"><style:table-cell-properties fo:background-color="#e8ebf0" fo:padding="0.05cm" fo:border="0.5pt solid #8a8f98"/></style:style>` +
    statusStyles +
    `</office:automatic-styles><office:body><office:text>${body.join('')}</office:text></office:body></office:document-content>`;
  const iso = new Date(input.snapshot.createdAt).toISOString().replace(/\.\d{3}Z$/, '');
  const meta =
    `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta ${odfNamespaces} office:version="1.3"><office:meta>` +
    `<dc:title>${esc(view.title)}</dc:title><dc:language>${esc(view.lang)}</dc:language><meta:initial-creator>${esc(input.snapshot.createdBy)}</meta:initial-creator>` +
    `<dc:creator>${esc(input.snapshot.createdBy)}</dc:creator><meta:creation-date>${iso}</meta:creation-date><dc:date>${iso}</dc:date>` +
    `<meta:generator>Yhteispaja</meta:generator></office:meta></office:document-meta>`;
  const manifest =
    `<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
    `<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>` +
    ['content.xml', 'styles.xml', 'meta.xml'].map((p) => `<manifest:file-entry manifest:full-path="${p}" manifest:media-type="text/xml"/>`).join('') +
    writer.images.map((img) => `<manifest:file-entry manifest:full-path="${img.path}" manifest:media-type="image/png"/>`).join('') +
    `</manifest:manifest>`;
  const utf8 = (s: string) => new TextEncoder().encode(s);
  return zipEntries(
    [
      ['mimetype', utf8('application/vnd.oasis.opendocument.text')],
      ['content.xml', utf8(content)],
      ['styles.xml', utf8(odtStyles(view.lang))],
      ['meta.xml', utf8(meta)],
      ...writer.images.map((img) => [img.path, img.png] as const),
      ['META-INF/manifest.xml', utf8(manifest)],
    ],
    input.snapshot.createdAt,
  );
}
