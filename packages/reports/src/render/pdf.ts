import { readFileSync } from 'node:fs';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';
import type { ReportView } from '../blocks.ts';
import type { ReportInput } from '../types.ts';

const here = new URL('.', import.meta.url);
const template = readFileSync(new URL('report.typ', here), 'utf8');
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'];

let compiler: NodeCompiler | undefined;

/** One compiler per process (or worker): fonts load once, the layout cache stays warm. */
function typst(): NodeCompiler {
  compiler ??= NodeCompiler.create({ fontArgs: [{ fontBlobs: fontFiles.map((file) => readFileSync(new URL(`../../fonts/${file}`, here))) }] });
  return compiler;
}

export class PdfRenderError extends Error {}

/**
 * PDF through Typst: tagged, PDF/UA-1, document language and title set, table headers repeated on
 * every page, fonts shipped in the repo and embedded. The report travels as JSON in `sys.inputs`,
 * so no user text is ever Typst markup. Dates come from the snapshot, so the bytes are the same every time.
 */
export function renderPdf(view: ReportView, input: ReportInput): Uint8Array {
  const at = new Date(input.snapshot.createdAt);
  const [language, region] = view.lang.split('-');
  const data = {
    ...view,
    lang: language,
    region: region ?? 'FI',
    author: [input.snapshot.createdBy].filter(Boolean),
    keywords: [input.organisation.name, input.snapshot.label].filter(Boolean),
    date: { year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day: at.getUTCDate(), hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds() },
  };
  const compiled = typst();
  try {
    const args = { mainFileContent: template, inputs: { data: JSON.stringify(data) } };
    const result = compiled.compile(args);
    const doc = result.result;
    if (!doc) {
      const diagnostics = result.takeDiagnostics();
      throw new PdfRenderError(`Typst could not lay out the report: ${JSON.stringify(diagnostics ? compiled.fetchDiagnostics(diagnostics) : [])}`);
    }
    return new Uint8Array(compiled.pdf(doc, { pdfStandard: 'ua-1', creationTimestamp: Math.floor(input.snapshot.createdAt / 1000) }));
  } finally {
    compiled.evictCache(10);
  }
}
