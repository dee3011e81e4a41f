import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { sampleInput } from './testing/fixture.ts';

// The server renders in worker threads: the package (Typst's native compiler included) must load there.
const source = `
import { parentPort, workerData } from 'node:worker_threads';
const { renderReport } = await import(workerData.entry);
const out = [];
for (const format of ['pdf', 'html']) out.push((await renderReport(workerData.input, format, 'fi')).bytes);
parentPort.postMessage(out);
`;

describe('worker threads', () => {
  it('renders a PDF and HTML inside a worker thread', async () => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`), {
      workerData: { entry: new URL('./index.ts', import.meta.url).href, input: sampleInput() },
    });
    const [pdf, html] = await new Promise<Uint8Array[]>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(Buffer.from(pdf!.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(new TextDecoder().decode(html)).toContain('<html lang="fi-FI">');
  }, 60_000);
});
