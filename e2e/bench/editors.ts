/**
 * Editor benchmark (issue #10 item 1) in headless Chromium, against the built app:
 * a 200-row goal table with rich text in four columns. Measures time until the table is
 * interactive, local keystroke latency (keydown → next animation frame), remote keystroke latency
 * (a second browser over loopback), add-row time and JS heap. Not a test: it records numbers in
 * bench/results/editors-*.md. Run: `pnpm build && pnpm bench:editors` (ROWS=200 by default).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { GoalTable, setPlainText } from '@yhteispaja/model';
import { connectProvider } from '../../server/src/testing/sync-client.ts';
import { Api, ProductServer, admin } from '../support/server.ts';

const rows = Number(process.env['ROWS'] ?? 200);
const keys = 40;
const richColumns = ['goal', 'task', 'schedule', 'responsible'];
const resultsDir = fileURLToPath(new URL('../../bench/results/', import.meta.url));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function seed(server: ProductServer, api: Api): Promise<string> {
  const { id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Penkki' });
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Iso taulukko' });
  const client = connectProvider(server.origin, id, api.sessionCookie);
  await client.synced;
  const table = new GoalTable(client.doc);
  client.doc.transact(() => {
    while (table.rows().length < rows) table.addRow();
    table.rows().forEach((row, n) => {
      for (const column of richColumns) {
        setPlainText(table.richText(row.id, column)!, `${column} ${n + 1}: asiakas saa tuen yhdeltä nimetyltä työntekijältä\ntoinen rivi`);
      }
    });
  });
  // Wait until a fresh client sees every row: the server has it.
  for (;;) {
    const probe = connectProvider(server.origin, id, api.sessionCookie);
    await probe.synced;
    const count = new GoalTable(probe.doc).rows().length;
    probe.destroy();
    if (count >= rows) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  client.destroy();
  return id;
}

async function openTable(page: Page, documentId: string): Promise<number> {
  const started = Date.now();
  await page.goto(`/documents/${documentId}`);
  await page.getByTestId('goal-table').getByTestId('goal-row').nth(rows - 1).waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="connection-state"]')?.getAttribute('data-state') === 'connected');
  return Date.now() - started;
}

async function main() {
  const server = new ProductServer();
  await server.start();
  const browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info'] });
  try {
    const api = await Api.signIn(server.origin, admin);
    const documentId = await seed(server, api);
    const contexts = await Promise.all([0, 1].map(() => browser.newContext({ baseURL: server.origin })));
    for (const context of contexts) await context.request.post('/api/auth/login', { data: admin, headers: { origin: server.origin } });
    const [pageA, pageB] = await Promise.all(contexts.map((context) => context.newPage()));
    const interactive = await openTable(pageA!, documentId);
    await openTable(pageB!, documentId);

    // Local: keydown → the frame after it (what the person sees).
    const cell = pageA!.getByTestId('goal-row').nth(100).getByTestId('cell-goal').locator('.rich-text-body');
    await cell.click();
    await pageA!.locator('.ProseMirror').waitFor();
    await pageA!.evaluate(() => {
      const w = window as unknown as { keyLatency: number[]; keySent: number[] };
      w.keyLatency = [];
      w.keySent = [];
      document.addEventListener('keydown', () => {
        const start = performance.now();
        w.keySent.push(Date.now());
        requestAnimationFrame(() => w.keyLatency.push(performance.now() - start));
      }, true);
    });
    // Remote: when each character shows in the other browser.
    await pageB!.evaluate(() => {
      const w = window as unknown as { seen: number[] };
      w.seen = [];
      const target = document.querySelectorAll('[data-testid="goal-row"]')[100]!.querySelector('[data-testid="cell-goal"]')!;
      let last = target.textContent?.length ?? 0;
      new MutationObserver(() => {
        const length = target.textContent?.length ?? 0;
        for (; last < length; last++) w.seen.push(Date.now());
        last = Math.max(last, length);
      }).observe(target, { subtree: true, childList: true, characterData: true });
    });
    for (let i = 0; i < keys; i++) {
      await pageA!.keyboard.press('a');
      await pageA!.waitForTimeout(30);
    }
    await pageB!.waitForFunction((n) => (window as unknown as { seen: number[] }).seen.length >= n, keys, { timeout: 30_000 });
    const local = await pageA!.evaluate(() => (window as unknown as { keyLatency: number[] }).keyLatency);
    const sent = await pageA!.evaluate(() => (window as unknown as { keySent: number[] }).keySent);
    const seen = await pageB!.evaluate(() => (window as unknown as { seen: number[] }).seen);
    const remote = sent.map((t, i) => (seen[i] ?? Number.NaN) - t);

    // Add a row: click → the row is in the DOM.
    await pageA!.keyboard.press('Escape');
    const addRow = await pageA!.evaluate(async (count) => {
      const body = document.querySelector('[data-testid="goal-table"] tbody')!;
      const start = performance.now();
      (document.getElementById('add-row') as HTMLButtonElement).click();
      for (;;) {
        if (body.querySelectorAll('[data-testid="goal-row"]').length > count) return performance.now() - start;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    }, rows);

    const cdp = await contexts[0]!.newCDPSession(pageA!);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    const domNodes = await pageA!.evaluate(() => document.getElementsByTagName('*').length);

    const lines = [
      `# Editor benchmark — ${new Date().toISOString()}`,
      '',
      `Goal table, ${rows} rows, rich text in ${richColumns.length} columns; headless Chromium, two browsers over loopback; ${keys} keys.`,
      `Machine: ${cpus().length} cores, load average ${loadavg().map((n) => n.toFixed(1)).join(' / ')} (1/5/15 min) at the end of the run.`,
      '',
      '| measure | value | budget |',
      '|---|---|---|',
      `| open → all rows shown and connected | ${interactive} ms | < 1500 ms |`,
      `| keystroke, local (keydown → next frame) median / p99 | ${percentile(local, 50).toFixed(1)} / ${percentile(local, 99).toFixed(1)} ms | < 16 / 50 ms |`,
      `| keystroke, remote (other browser) median / p99 | ${percentile(remote, 50).toFixed(0)} / ${percentile(remote, 99).toFixed(0)} ms | < 100 ms |`,
      `| add a row (click → row in DOM) | ${addRow.toFixed(0)} ms | < 100 ms |`,
      `| JS heap after GC | ${(heap.usedSize / 1024 / 1024).toFixed(1)} MB | < 30 MB |`,
      `| DOM elements | ${domNodes} | |`,
      '',
    ];
    mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, `editors-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    writeFileSync(file, lines.join('\n'));
    console.log(lines.join('\n'));
    console.log(`written ${file}`);
  } finally {
    await browser.close();
    await server.dispose();
  }
}

await main();
