import type { Block, ReportView, TableCell } from '../blocks.ts';
import { escapeXml as esc } from '../xml.ts';

const css = `
body{font-family:"DejaVu Sans",Verdana,sans-serif;color:#1a1a1a;margin:2rem;line-height:1.45}
h1{font-size:1.6rem;margin-top:2.5rem;page-break-before:always}h1.title{page-break-before:avoid}
h2{font-size:1.25rem}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;margin:0.75rem 0;font-size:0.85rem}
caption{text-align:left;font-weight:bold;padding:0.25rem 0}
th,td{border:1px solid #8a8f98;padding:0.3rem 0.4rem;vertical-align:top;text-align:left;white-space:pre-wrap}
th{background:#e8ebf0}thead{display:table-header-group}tr{page-break-inside:avoid}
th.group{background:#f4f5f7;font-size:0.95rem}
.status{display:inline-block;padding:0.05rem 0.45rem;border-radius:0.6rem;color:#fff;font-weight:bold}
dl.fields{display:grid;grid-template-columns:max-content 1fr;gap:0.2rem 1rem}dl.fields dt{font-weight:bold}dl.fields dd{margin:0;white-space:pre-wrap}
p{white-space:pre-wrap}
figure{margin:1rem 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
@page{size:A4;margin:15mm}@media print{body{margin:0}}
`;

function cellHtml(cell: TableCell): string {
  if (!cell.status) return esc(cell.text);
  // The label is the signal; the colour only repeats it.
  return `<span class="status" style="background:${esc(cell.status.colour)}">${esc(cell.text)}</span>`;
}

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level}>${esc(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p>${esc(block.text)}</p>`;
    case 'fields':
      return `<dl class="fields">${block.pairs.map((p) => `<dt>${esc(p.label)}</dt><dd>${esc(p.text)}</dd>`).join('')}</dl>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li>${esc(item)}</li>`).join('')}</ul>`;
    case 'image':
      // The SVG is built by journey-svg.ts with every text escaped.
      return `<figure role="img" aria-label="${esc(block.alt)}">${block.svg}<figcaption>${esc(block.alt)}</figcaption></figure>`;
    case 'table': {
      const head = `<thead><tr>${block.header.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead>`;
      const body = block.rows
        .map((row) =>
          row.group !== undefined
            ? `<tr><th class="group" scope="colgroup" colspan="${block.header.length}">${esc(row.group)}</th></tr>`
            : `<tr>${row.cells.map((c) => `<td>${cellHtml(c)}</td>`).join('')}</tr>`,
        )
        .join('');
      return `<table><caption>${esc(block.caption)}</caption>${head}<tbody>${body}</tbody></table>`;
    }
  }
}

/** A standalone, print-ready HTML file: every text escaped, no scripts, no external resources. */
export function renderHtml(view: ReportView): Uint8Array {
  const cover = `<h1 class="title">${esc(view.title)}</h1><dl class="fields">${view.cover.map((c) => `<dt>${esc(c.label)}</dt><dd>${esc(c.text)}</dd>`).join('')}</dl>`;
  const parts = view.parts.map((part) => `<section id="${esc(part.id)}"><h1>${esc(part.title)}</h1>${part.blocks.map(blockHtml).join('\n')}</section>`).join('\n');
  const html =
    `<!DOCTYPE html>\n<html lang="${esc(view.lang)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(view.title)}</title><style>${css}</style></head>` +
    `<body><main>${cover}\n${parts}</main></body></html>\n`;
  return new TextEncoder().encode(html);
}
