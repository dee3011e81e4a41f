import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const resultsDir = fileURLToPath(new URL('../results/', import.meta.url));

/** One measured thing: a suite, a phase, a target, a repetition and its numbers. */
export interface SuiteRecord {
  phase: string;
  name: string;
  target: string;
  repetition: number;
  valid: boolean;
  invalidBecause: string[];
  [metric: string]: unknown;
}

export interface ResultRecord extends SuiteRecord {
  suite: string;
}

/** Date, machine and versions, written at the top of every run. */
export function environment(versions: Record<string, string>) {
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
    kernel: os.release(),
    versions,
  };
}

/** A run's results: JSON lines as they come (a crash keeps what was measured) and a Markdown report at the end. */
export class ResultWriter {
  readonly jsonlPath: string;
  readonly markdownPath: string;
  readonly records: ResultRecord[] = [];

  constructor(stamp: string, header: Record<string, unknown>) {
    mkdirSync(resultsDir, { recursive: true });
    this.jsonlPath = path.join(resultsDir, `${stamp}.jsonl`);
    this.markdownPath = path.join(resultsDir, `${stamp}.md`);
    writeFileSync(this.jsonlPath, `${JSON.stringify({ kind: 'environment', ...header })}\n`);
  }

  add(record: ResultRecord): void {
    this.records.push(record);
    appendFileSync(this.jsonlPath, `${JSON.stringify(record)}\n`);
  }

  writeMarkdown(markdown: string): void {
    writeFileSync(this.markdownPath, markdown);
    writeFileSync(path.join(resultsDir, 'latest.md'), markdown);
  }
}
