/**
 * `pnpm bench [--quick] [--suite sync] [--target ours|reference|hocuspocus] [--repetitions N]`.
 * The generator (this process) runs on core 1, servers on core 0.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { targets, type Target } from './framing.ts';
import { markdownReport } from './report.ts';
import { environment, ResultWriter } from './results.ts';
import { pin } from './server-process.ts';
import { suites } from './suites.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    suite: { type: 'string', multiple: true },
    target: { type: 'string', multiple: true },
    phase: { type: 'string', multiple: true },
    repetitions: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  process.stdout.write(`pnpm bench [--quick] [--suite ${suites.map((suite) => suite.name).join('|')}] [--target ${targets.join('|')}] [--phase fanout|memory|cold-load|compaction] [--repetitions N]\n`);
  for (const suite of suites) process.stdout.write(`  ${suite.name}: ${suite.description}\n`);
  process.exit(0);
}

const chosenTargets = (values.target ?? [...targets]) as Target[];
for (const target of chosenTargets) if (!targets.includes(target)) throw new Error(`unknown target ${target}; use ${targets.join(', ')}`);
const chosenSuites = values.suite ? suites.filter((suite) => values.suite!.includes(suite.name)) : suites;
if (values.suite && chosenSuites.length !== values.suite.length) throw new Error(`unknown suite; known: ${suites.map((suite) => suite.name).join(', ')}`);
const repetitions = values.repetitions ? Number(values.repetitions) : values.quick ? 1 : 3;

if (os.cpus().length >= 2) pin(process.pid, 1);

const require = createRequire(new URL('../package.json', import.meta.url));
function version(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
const header = environment({
  '@hocuspocus/server': version('@hocuspocus/server'),
  '@y/websocket-server': version('@y/websocket-server'),
  yjs: version('yjs'),
  ws: version('ws'),
});
const stamp = header.date.replace(/[:.]/g, '-');
const writer = new ResultWriter(stamp, { ...header, quick: values.quick, repetitions, targets: chosenTargets, suites: chosenSuites.map((suite) => suite.name) });
const started = Date.now();
for (const suite of chosenSuites) {
  await suite.run({
    quick: values.quick!,
    repetitions,
    targets: chosenTargets,
    phases: values.phase ?? [],
    record: (record) => writer.add({ suite: suite.name, ...record }),
    log: (message) => process.stdout.write(`[${suite.name} ${((Date.now() - started) / 1000).toFixed(0)} s] ${message}\n`),
  });
}
writer.writeMarkdown(markdownReport({ ...header, quick: values.quick, repetitions, seconds: Math.round((Date.now() - started) / 1000) }, writer.records));
process.stdout.write(`\nResults: ${writer.jsonlPath}\n         ${writer.markdownPath}\n`);
process.exit(0);
