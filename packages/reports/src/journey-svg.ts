import { richTextPlain, type MaterialisedServicePath } from '@yhteispaja/model';
import { t } from './i18n.ts';
import type { ImageBlock } from './blocks.ts';
import type { ReportLocale } from './types.ts';
import { escapeXml } from './xml.ts';

const columnWidth = 180;
const headerWidth = 140;
const lineHeight = 14;
const maxLines = 6;
const charsPerLine = 24;

/** Wrap to lines of about `width` characters, at most `maxLines` (the last ends with … when cut). */
export function wrap(text: string, width = charsPerLine, lines = maxLines): string[] {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const pieces = word.length > width ? (word.match(new RegExp(`.{1,${width}}`, 'gu')) ?? [word]) : [word];
      for (const piece of pieces) {
        if (line && line.length + 1 + piece.length > width) {
          out.push(line);
          line = piece;
        } else line = line ? `${line} ${piece}` : piece;
      }
    }
    if (line) out.push(line);
  }
  if (out.length > lines) return [...out.slice(0, lines - 1), `${out[lines - 1]!.slice(0, width - 1)}…`];
  return out;
}

/**
 * The journey map as SVG: stages as columns, the client's actions, each lane and the pain points and
 * ideas as rows. Text is escaped and the font is the one shipped with the reports, so the PNG drawn
 * from it (DOCX, ODT) and the PDF look the same on every server.
 */
export function journeyMapSvg(path: MaterialisedServicePath, locale: ReportLocale): ImageBlock {
  const rows: { title: string; cells: string[] }[] = [
    { title: t('clientActions', locale), cells: path.stages.map((s) => richTextPlain(s.fields.clientActions)) },
    ...path.lanes.map((lane) => ({ title: lane.title, cells: path.stages.map((s) => richTextPlain(s.laneNotes[lane.id] ?? [])) })),
    { title: t('painPoints', locale), cells: path.stages.map((s) => s.painPoints.map((p) => `• ${richTextPlain(p.text)}`).join('\n')) },
    { title: t('ideas', locale), cells: path.stages.map((s) => s.ideas.map((p) => `• ${richTextPlain(p.text)}`).join('\n')) },
  ];
  const rowHeight = lineHeight * maxLines + 16;
  const headHeight = lineHeight * 2 + 20;
  const width = headerWidth + Math.max(1, path.stages.length) * columnWidth;
  const height = headHeight + rows.length * rowHeight;
  const parts: string[] = [];
  const text = (x: number, y: number, lines: string[], attrs = '') =>
    `<text x="${x}" y="${y}"${attrs}>${lines.map((line, i) => `<tspan x="${x}" dy="${i === 0 ? 0 : lineHeight}">${escapeXml(line)}</tspan>`).join('')}</text>`;
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  path.stages.forEach((stage, i) => {
    const x = headerWidth + i * columnWidth;
    parts.push(`<path d="M${x + 2} 4 H${x + columnWidth - 14} L${x + columnWidth - 2} ${headHeight / 2} L${x + columnWidth - 14} ${headHeight - 4} H${x + 2} Z" fill="#1f5fa8"/>`);
    parts.push(text(x + 10, 22, wrap(`${i + 1}. ${stage.title}`, 20, 2), ' fill="#ffffff" font-weight="bold"'));
  });
  rows.forEach((row, r) => {
    const y = headHeight + r * rowHeight;
    parts.push(`<rect x="0" y="${y}" width="${width}" height="${rowHeight}" fill="${r % 2 === 0 ? '#f2f4f7' : '#ffffff'}" stroke="#c9ced6"/>`);
    parts.push(text(8, y + 18, wrap(row.title, 18, maxLines), ' font-weight="bold"'));
    row.cells.forEach((cellText, i) => parts.push(text(headerWidth + i * columnWidth + 8, y + 18, wrap(cellText))));
  });
  for (let i = 1; i < path.stages.length; i++) {
    const x = headerWidth + i * columnWidth;
    parts.push(`<line x1="${x}" y1="${headHeight}" x2="${x}" y2="${height}" stroke="#c9ced6"/>`);
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans" font-size="11" fill="#1a1a1a">` +
    parts.join('') +
    '</svg>';
  const alt = `${t('journeyMapAlt', locale)}: ${path.stages.map((s, i) => `${i + 1}. ${s.title}`).join(', ')}`;
  return { kind: 'image', svg, width, height, alt };
}
