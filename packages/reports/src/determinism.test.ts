import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { reportFormats } from './index.ts';
import { sampleInput } from './testing/fixture.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('./testing/render-cli.ts', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'reports-determinism-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('determinism', () => {
  it('renders byte-identical files of every format in two separate processes, in different time zones', async () => {
    const inputPath = join(dir, 'input.json');
    writeFileSync(inputPath, JSON.stringify(sampleInput()));
    const outs = ['a', 'b'].map((name) => join(dir, name));
    for (const out of outs) mkdirSync(out);
    await run(process.execPath, [cli, inputPath, reportFormats.join(','), 'sv', outs[0]!], { env: { ...process.env, TZ: 'UTC' } });
    await run(process.execPath, [cli, inputPath, reportFormats.join(','), 'sv', outs[1]!], { env: { ...process.env, TZ: 'America/Los_Angeles' } });
    for (const format of reportFormats) {
      const a = readFileSync(join(outs[0]!, format));
      const b = readFileSync(join(outs[1]!, format));
      expect(a.length, format).toBeGreaterThan(100);
      expect(a.equals(b), `${format} differs between processes`).toBe(true);
    }
  }, 120_000);
});
