import { buildReportView } from './view.ts';
import type { ReportFormat, ReportInput, ReportLocale, RenderedReport } from './types.ts';

export * from './types.ts';
export type { Block, ReportView, TableCell, TableRow, StatusMark } from './blocks.ts';
export { buildReportView } from './view.ts';
export { buildProgressMatrix, type ProgressMeasure } from './progress.ts';
export { buildTraceChains, type TraceChain, type TraceNode, type TraceKind } from './trace.ts';
export { neutraliseCell } from './cells.ts';
export { journeyMapSvg } from './journey-svg.ts';

const contentTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An ASCII file name from the workshop title, version and language ("tyopaja-v2-fi.pdf"). */
export function reportFileName(input: ReportInput, format: ReportFormat, locale: ReportLocale): string {
  const slug =
    input.workshop.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'report';
  return `${slug}-v${input.snapshot.version}-${locale}.${format}`;
}

/**
 * Render a snapshot's report. Pure: the same input gives the same bytes (every date comes from the
 * snapshot). Heavy formats are loaded on first use, so a worker that renders only HTML never loads
 * the PDF compiler.
 */
export async function renderReport(input: ReportInput, format: ReportFormat, locale: ReportLocale): Promise<RenderedReport> {
  const view = buildReportView(input, locale);
  let bytes: Uint8Array;
  switch (format) {
    case 'html':
      bytes = (await import('./render/html.ts')).renderHtml(view);
      break;
    case 'md':
      bytes = (await import('./render/markdown.ts')).renderMarkdown(view);
      break;
    case 'csv':
      bytes = (await import('./render/csv.ts')).renderCsv(view);
      break;
    case 'xlsx':
      bytes = await (await import('./render/xlsx.ts')).renderXlsx(view, input);
      break;
    case 'docx':
      bytes = await (await import('./render/docx.ts')).renderDocx(view, input);
      break;
    case 'odt':
      bytes = (await import('./render/odt.ts')).renderOdt(view, input);
      break;
    case 'pdf':
      bytes = (await import('./render/pdf.ts')).renderPdf(view, input);
      break;
    default:
      throw new RangeError(`Unknown report format ${JSON.stringify(format)}`);
  }
  return { bytes, contentType: contentTypes[format], fileName: reportFileName(input, format, locale) };
}
