import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { adminCredentials, ApiClient, eventually, storeKinds } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';
import { dropSchema, testDatabaseUrl } from '../testing/postgres.ts';
import { freePort, ServerProcess } from '../testing/process.ts';

/**
 * The durability contract (G1): kill -9 the server while clients write, and every update any
 * client had acknowledged is in the store afterwards. A short, bounded version of catalogue D-01/D-02.
 */
const iterations = Number(process.env.CRASH_ITERATIONS ?? 2);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

for (const kind of storeKinds) {
  describe(`kill -9 under load on ${kind}`, () => {
    it(`loses no acknowledged update (${iterations} crashes)`, async () => {
      const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
      console.info(`crash seed ${seed} (${kind})`);
      const gen = prng.create(seed);
      const dataDir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-crash-'));
      const schema = `yp_test_${randomBytes(6).toString('hex')}`;
      cleanups.push(async () => {
        rmSync(dataDir, { recursive: true, force: true });
        if (kind === 'postgres') await dropSchema(schema);
      });
      const server = new ServerProcess(await freePort(), {
        DATA_DIR: dataDir,
        ADMIN_EMAIL: adminCredentials.email,
        ADMIN_PASSWORD: adminCredentials.password,
        WEB_BUILD_DIR: path.join(dataDir, 'none'),
        ...(kind === 'postgres' ? { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema } : {}),
      });
      await server.start();
      let api = await new ApiClient(server.origin).login(adminCredentials);
      const { id: workshopId } = await api.json('POST', '/api/workshops', { title: 'Crash' });
      const { id: documentId } = await api.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });

      for (let iteration = 0; iteration < iterations; iteration++) {
        const writers = Array.from({ length: 5 }, () => connectProvider(server.origin, documentId, api.cookie, { acks: true }));
        await Promise.all(writers.map((writer) => writer.synced));
        const timers = writers.map((writer, index) => {
          let n = 0;
          return setInterval(() => writer.doc.getArray<string>('markers').push([`i${iteration}-c${index}-${n++}`]), 50);
        });
        await new Promise((resolve) => setTimeout(resolve, prng.int32(gen, 300, 1500)));
        await server.kill9();
        for (const timer of timers) clearInterval(timer);

        // Everything each writer saw acknowledged, by client id and clock.
        const acked = writers.map((writer) => {
          const last = writer.acks.at(-1);
          return { clientId: writer.doc.clientID, clock: last ? (Y.decodeStateVector(last).get(writer.doc.clientID) ?? 0) : 0 };
        });
        expect(acked.some((a) => a.clock > 0)).toBe(true);

        await server.start();
        api = await new ApiClient(server.origin).login(adminCredentials);
        // A fresh reader, before the writers reconnect: only the store can have these.
        const reader = connectProvider(server.origin, documentId, api.cookie);
        await reader.synced;
        const stateVector = Y.decodeStateVector(Y.encodeStateVector(reader.doc));
        for (const { clientId, clock } of acked) expect(stateVector.get(clientId) ?? 0).toBeGreaterThanOrEqual(clock);

        // The writers reconnect (the stock provider retries) and everything converges, each marker once.
        await eventually(() => {
          for (const writer of writers) expect(Y.encodeStateVector(writer.doc)).toEqual(Y.encodeStateVector(reader.doc));
        }, 20_000);
        const markers = reader.doc.getArray<string>('markers').toArray();
        expect(new Set(markers).size).toBe(markers.length);
        for (const writer of writers) writer.destroy();
        reader.destroy();
      }
      await server.stop();
    }, 90_000);
  });
}
