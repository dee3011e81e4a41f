import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importContentTypes } from '@yhteispaja/import';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let facilitator: ApiClient;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  facilitator = await new ApiClient(server.origin).login(adminCredentials);
  const workshopId = (await facilitator.json('POST', '/api/workshops', { title: 'Import' })).id;
  documentId = (await facilitator.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' })).id;
});
afterAll(() => server.dispose());

function upload(body: Uint8Array | string, contentType: string): Promise<Response> {
  return fetch(`${server.origin}/api/documents/${documentId}/import`, {
    method: 'POST',
    headers: { origin: server.origin, cookie: facilitator.cookie!, 'content-type': contentType },
    body,
  });
}

/** Run `work` while polling /healthz; resolves with its result and how many health checks answered meanwhile. */
async function whileHealthPolled<T>(work: () => Promise<T>): Promise<{ result: T; healthy: number; failed: number }> {
  let done = false;
  let healthy = 0;
  let failed = 0;
  const poller = (async () => {
    while (!done) {
      const response = await fetch(`${server.origin}/healthz`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
      if (response?.status === 200) healthy++;
      else failed++;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  })();
  const result = await work();
  // One more answer after the work, so a stall at the very end shows as well.
  done = true;
  await poller;
  return { result, healthy, failed };
}

describe('import bombs', () => {
  it('refuses the 300 KB workbook that unpacks to 300 MB with a clear 422, never stalling the server', async () => {
    const bomb = readFileSync(new URL('../../../packages/import/src/fixtures/bomb-300mb.xlsx', import.meta.url));
    const { result: response, failed } = await whileHealthPolled(() => upload(new Uint8Array(bomb), importContentTypes.xlsx));
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { code: 'unreadable_table', message: expect.stringMatching(/unpacks to more than 50 MB/) } });
    expect(failed).toBe(0);
    // Still imports a good file afterwards.
    expect((await upload('Tavoite;Tila\nPalveluohjaus;Aloitettu\n', 'text/csv')).status).toBe(200);
  });

  it('reads Markdown with a 100,000-space line in the worker, and /healthz answers throughout', async () => {
    const text = `| Tavoite | Tila |\n|--${' '.repeat(100_000)}x\n\n| Tavoite | Tila |\n|---|---|\n| Kotiin | Aloitettu |\n`;
    const { result: response, healthy, failed } = await whileHealthPolled(() => upload(text, 'text/markdown'));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ rowsAdded: 1 });
    expect(failed).toBe(0);
    expect(healthy).toBeGreaterThan(0);
  });
});
