import type { Block, ReportView, TableCell } from '../blocks.ts';

/** Escape Markdown and inline HTML so user text stays text (CommonMark/GFM). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>&~^=:"']/g, (c) => `\\${c}`);
}

function inline(text: string): string {
  return escapeMarkdown(text).replace(/\r?\n/g, '<br>');
}

function cellMd(cell: TableCell): string {
  return inline(cell.text);
}

function blockMd(block: Block): string {
  switch (block.kind) {
    case 'heading':
      return `${'#'.repeat(block.level)} ${inline(block.text)}`;
    case 'paragraph':
      return block.text.split('\n').map(escapeMarkdown).join('  \n');
    case 'fields':
      return block.pairs.map((p) => `- **${inline(p.label)}**: ${inline(p.text)}`).join('\n');
    case 'list':
      return block.items.map((item) => `- ${inline(item)}`).join('\n');
    case 'image':
      return `*${inline(block.alt)}*`;
    case 'table': {
      const width = Math.max(1, block.header.length);
      const lines = [`**${inline(block.caption)}**`, '', `| ${block.header.map(inline).join(' | ')} |`, `|${' --- |'.repeat(width)}`];
      for (const row of block.rows) {
        if (row.group !== undefined) lines.push(`| **${inline(row.group)}** |${' |'.repeat(width - 1)}`);
        else lines.push(`| ${row.cells.map(cellMd).join(' | ')} |`);
      }
      return lines.join('\n');
    }
  }
}

export function renderMarkdown(view: ReportView): Uint8Array {
  const out = [`# ${inline(view.title)}`, '', view.cover.map((c) => `- **${inline(c.label)}**: ${inline(c.text)}`).join('\n')];
  for (const part of view.parts) {
    out.push('', `# ${inline(part.title)}`);
    for (const block of part.blocks) out.push('', blockMd(block));
  }
  return new TextEncoder().encode(`${out.join('\n')}\n`);
}
