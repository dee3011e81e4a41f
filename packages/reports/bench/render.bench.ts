// Render benchmark (issue #9 item 8): a workshop of a 200-row goal table, an action plan and a
// service path, rendered to every format. Not a timed test: run it and read the numbers.
//   npx --yes pnpm@10.34.9 --filter @yhteispaja/reports bench [-- --runs 20]
import { renderReport, reportFormats, type ReportInput } from '../src/index.ts';
import { sampleInput } from '../src/testing/fixture.ts';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

const full = sampleInput(200);
// The workshop of item 8: the 200-row goal table, the action plan and the service path (no self-evaluation).
const input: ReportInput = {
  ...full,
  documents: full.documents.filter((d) => d.content.type !== 'goal-table' || d.content.rows.length > 100),
  previous: full.previous.map((p) => ({ ...p, documents: p.documents.filter((d) => d.content.type !== 'goal-table' || d.content.rows.length > 100) })),
};

const targets: Partial<Record<string, number>> = { pdf: 1000, docx: 500, odt: 500, xlsx: 500 };
const lines = ['| format | first (cold) ms | median ms | p90 ms | bytes | target ms |', '|---|---:|---:|---:|---:|---:|'];
for (const format of reportFormats) {
  const cold = performance.now();
  const first = await renderReport(input, format, 'fi');
  const coldMs = performance.now() - cold;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await renderReport(input, format, 'fi');
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.min(times.length - 1, Math.floor(times.length * 0.9))]!;
  lines.push(`| ${format} | ${coldMs.toFixed(0)} | ${median.toFixed(0)} | ${p90.toFixed(0)} | ${first.bytes.length} | ${targets[format] ?? '–'} |`);
}
console.log(`Node ${process.version}, ${runs} runs per format after one cold render\n`);
console.log(lines.join('\n'));
