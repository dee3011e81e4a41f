import { medianAndSpread } from './stats.ts';
import type { ResultRecord } from './results.ts';

const peers = ['reference', 'hocuspocus'] as const;

function number(value: unknown, digits = 2): string {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–';
}

/** "median (min–max)" of a metric over the repetitions of one name and target. */
function cell(records: ResultRecord[], metric: string, digits = 2): { text: string; median: number } {
  const values = records.map((record) => record[metric]).filter((value): value is number => typeof value === 'number');
  const { median, min, max } = medianAndSpread(values);
  const text = values.length > 1 ? `${number(median, digits)} (${number(min, digits)}–${number(max, digits)})` : number(median, digits);
  return { text, median };
}

function groups(records: ResultRecord[], phase: string): Map<string, Map<string, ResultRecord[]>> {
  const byName = new Map<string, Map<string, ResultRecord[]>>();
  for (const record of records) {
    if (record.phase !== phase) continue;
    const key = record.name;
    let byTarget = byName.get(key);
    if (!byTarget) byName.set(key, (byTarget = new Map()));
    const list = byTarget.get(record.target) ?? [];
    list.push(record);
    byTarget.set(record.target, list);
  }
  return byName;
}

/** Ours divided by the better peer, per the issue's targets (lower is better). */
function ratio(byTarget: Map<string, ResultRecord[]>, metric: string): string {
  const ours = cell(byTarget.get('ours') ?? [], metric).median;
  const best = Math.min(...peers.map((peer) => cell(byTarget.get(peer) ?? [], metric).median).filter(Number.isFinite));
  return Number.isFinite(ours) && Number.isFinite(best) && best > 0 ? `${(ours / best).toFixed(2)}×` : '–';
}

function validity(list: ResultRecord[]): string {
  const invalid = list.filter((record) => !record.valid);
  if (invalid.length === 0) return '';
  return ` ⚠ ${invalid.length}/${list.length} invalid (${[...new Set(invalid.flatMap((record) => record.invalidBecause))].join(', ')})`;
}

export function markdownReport(environment: Record<string, unknown>, records: ResultRecord[]): string {
  const lines: string[] = [];
  lines.push(`# Benchmark run ${String(environment.date)}`, '');
  lines.push('```json', JSON.stringify(environment, null, 2), '```', '');
  lines.push('Medians over the repetitions, with the spread (min–max) in brackets. Ours runs with full durability (commit before relay); the peers keep documents in memory.', '');

  const fanout = groups(records, 'fanout');
  if (fanout.size) {
    lines.push('## Fan-out latency (ms)', '');
    lines.push('| workload | target | p50 | p99 | p99.9 | max | delivery | server CPU | generator CPU | converged |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const [name, byTarget] of fanout) {
      for (const [target, list] of byTarget) {
        lines.push(
          `| ${name} | ${target}${validity(list)} | ${cell(list, 'p50').text} | ${cell(list, 'p99').text} | ${cell(list, 'p999').text} | ${cell(list, 'max').text} | ${cell(list, 'deliveryRatio', 3).text} | ${cell(list, 'serverCpu').text} | ${cell(list, 'generatorCpu').text} | ${list.every((record) => record.converged) ? 'yes' : 'NO'} |`,
        );
      }
      lines.push(`| ${name} | **ours ÷ better peer** | ${ratio(byTarget, 'p50')} | ${ratio(byTarget, 'p99')} | | | | | | |`);
    }
    lines.push('');
  }

  const memory = groups(records, 'memory');
  if (memory.size) {
    lines.push('## Capacity and memory', '');
    lines.push('| documents | target | heap/doc KiB | heap/connection KiB | heap left after leaving MiB | RSS with docs MiB | idle connections | RSS MiB |', '|---|---|---|---|---|---|---|---|');
    for (const [name, byTarget] of memory) {
      for (const [target, list] of byTarget) {
        lines.push(
          `| ${name} | ${target} | ${cell(list, 'heapPerDocumentKiB', 1).text} | ${cell(list, 'heapPerConnectionKiB', 1).text} | ${cell(list, 'heapLeftMiB', 1).text} | ${cell(list, 'rssWithDocumentsMiB', 0).text} | ${cell(list, 'capacityConnections', 0).text} | ${cell(list, 'capacityRssMiB', 0).text} |`,
        );
      }
      lines.push(`| ${name} | **ours ÷ better peer** | ${ratio(byTarget, 'heapPerDocumentKiB')} | ${ratio(byTarget, 'heapPerConnectionKiB')} | | | | |`);
    }
    lines.push('');
  }

  const cold = groups(records, 'cold-load');
  if (cold.size) {
    lines.push('## Cold load of the B4 trace (ms to the full text)', '');
    lines.push('| stored as | target | cold | warm | complete |', '|---|---|---|---|---|');
    for (const [name, byTarget] of cold) {
      for (const [target, list] of byTarget) {
        lines.push(`| ${name} | ${target} | ${cell(list, 'coldMs', 0).text} | ${cell(list, 'warmMs', 0).text} | ${list.every((record) => record.complete) ? 'yes' : 'NO'} |`);
      }
    }
    lines.push('');
  }

  const others = records.filter((record) => !['fanout', 'memory', 'cold-load'].includes(record.phase));
  if (others.length) {
    lines.push('## Other suites', '', '| suite | phase | name | target | metrics |', '|---|---|---|---|---|');
    for (const record of others) {
      const { suite, phase, name, target, repetition: _r, valid: _v, invalidBecause: _i, ...metrics } = record;
      lines.push(`| ${suite} | ${phase} | ${name} | ${target} | ${Object.entries(metrics).map(([key, value]) => `${key}: ${typeof value === 'number' ? number(value) : String(value)}`).join(', ')} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
