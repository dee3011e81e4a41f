// Renders a report from a JSON input file in a fresh process (determinism test across processes).
import { readFileSync, writeFileSync } from 'node:fs';
import { renderReport, type ReportFormat, type ReportLocale } from '../index.ts';

const [inputPath, formats, locale, outDir] = process.argv.slice(2);
const input = JSON.parse(readFileSync(inputPath!, 'utf8'));
for (const format of formats!.split(',') as ReportFormat[]) {
  const { bytes } = await renderReport(input, format, locale as ReportLocale);
  writeFileSync(`${outDir}/${format}`, bytes);
}
