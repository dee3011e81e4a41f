import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from 'redis';
import pg from 'pg';
import * as Y from 'yjs';
import { closeCode, GoalTable, richTextToPlain, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';
import { dropSchema, testDatabaseUrl } from '../testing/postgres.ts';
import { freePort, ServerProcess } from '../testing/process.ts';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const schema = `yp_test_${randomBytes(6).toString('hex')}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-scale-'));
let a: ServerProcess;
let b: ServerProcess;
let onA: ApiClient;
let documentId: string;

async function sessionOn(server: ServerProcess): Promise<ApiClient> {
  return new ApiClient(server.origin).login(adminCredentials);
}

beforeAll(async () => {
  const env = {
    DATABASE_URL: testDatabaseUrl,
    DATABASE_SCHEMA: schema,
    REDIS_URL: redisUrl,
    DATA_DIR: dataDir,
    ADMIN_EMAIL: adminCredentials.email,
    ADMIN_PASSWORD: adminCredentials.password,
    WEB_BUILD_DIR: path.join(dataDir, 'none'),
    SYNC_CATCHUP_MS: '500',
  };
  a = new ServerProcess(await freePort(), env);
  b = new ServerProcess(await freePort(), env);
  await a.start();
  await b.start();
  onA = await sessionOn(a);
  const { id: workshopId } = await onA.json('POST', '/api/workshops', { title: 'Scale-out' });
  ({ id: documentId } = await onA.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' }));
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await dropSchema(schema);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('two instances sharing PostgreSQL and Redis', () => {
  it('reports both the store and the fan-out in /healthz', async () => {
    expect(await (await fetch(`${b.origin}/healthz`)).json()).toEqual({ ok: true, store: 'postgres', fanout: 'redis', quarantinedDocuments: 0 });
  });

  it('converges a client on instance A with one on instance B, presence included', async () => {
    const onB = await sessionOn(b);
    const clientA = connectProvider(a.origin, documentId, onA.cookie);
    const clientB = connectProvider(b.origin, documentId, onB.cookie);
    await Promise.all([clientA.synced, clientB.synced]);
    const tableA = new GoalTable(clientA.doc);
    const tableB = new GoalTable(clientB.doc);
    const row = tableA.rows()[0]!.id;
    setPlainText(tableA.richText(row, 'goal')!, 'Yhteinen tavoite');
    tableB.setStatus(row, 'status', 'partly-done');
    clientA.provider.awareness.setLocalStateField('cell', { rowId: 'r1', columnId: 'goal' });
    await eventually(() => {
      expect(richTextToPlain(tableB.richText(row, 'goal')!)).toBe('Yhteinen tavoite');
      expect(tableA.status(row, 'status')).toBe('partly-done');
      expect(clientB.provider.awareness.getStates().get(clientA.doc.clientID)).toMatchObject({ cell: { rowId: 'r1', columnId: 'goal' }, user: { name: expect.any(String) } });
      expect(Y.encodeStateVector(clientA.doc)).toEqual(Y.encodeStateVector(clientB.doc));
    });
    clientA.destroy();
    clientB.destroy();
  });

  it('converges again after every fan-out connection was dropped', async () => {
    const onB = await sessionOn(b);
    const clientA = connectProvider(a.origin, documentId, onA.cookie, { acks: true });
    const clientB = connectProvider(b.origin, documentId, onB.cookie);
    await Promise.all([clientA.synced, clientB.synced]);
    // Drop every pub/sub connection: messages published until the subscribers reconnect are lost.
    const admin = createClient({ url: redisUrl });
    await admin.connect();
    await admin.sendCommand(['CLIENT', 'KILL', 'TYPE', 'pubsub']);
    await admin.quit();
    const tableA = new GoalTable(clientA.doc);
    const added = tableA.addRow();
    await eventually(() => expect(new GoalTable(clientB.doc).rows().map((r) => r.id)).toContain(added), 10_000);
    clientA.destroy();
    clientB.destroy();
  });

  it('picks up an update that was stored but never published (a crash between the two)', async () => {
    const client = connectProvider(a.origin, documentId, onA.cookie);
    await client.synced;
    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(client.doc));
    const rowId = new GoalTable(writer).addRow();
    const update = Y.encodeStateAsUpdate(writer, Y.encodeStateVector(client.doc));
    const db = new pg.Client({ connectionString: testDatabaseUrl, options: `-c search_path=${schema}` });
    await db.connect();
    await db.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [documentId, Buffer.from(update)]);
    await db.end();
    await eventually(() => expect(new GoalTable(client.doc).rows().map((r) => r.id)).toContain(rowId));
    client.destroy();
  });

  it('closes a session’s sockets on every instance when it signs out on one', async () => {
    const user = await sessionOn(a);
    const { socket } = await rawSocket(b.origin, `/sync/${documentId}`, { cookie: user.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    await user.json('POST', '/api/auth/logout');
    expect(await closed).toBe(closeCode.unauthorized);
  });

  it('closes a removed member’s sockets on the other instance within two seconds', async () => {
    await onA.request('POST', '/api/users', { email: 'scale-member@example.com', name: 'M', password: 'long-enough-pw' });
    const { id: workshopId } = await onA.json('GET', `/api/documents/${documentId}`).then((d: { workshopId: string }) => ({ id: d.workshopId }));
    const { userId } = await onA.json('POST', `/api/workshops/${workshopId}/members`, { email: 'scale-member@example.com', role: 'participant' });
    const member = await new ApiClient(b.origin).login({ email: 'scale-member@example.com', password: 'long-enough-pw' });
    const { socket } = await rawSocket(b.origin, `/sync/${documentId}`, { cookie: member.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    const started = Date.now();
    await onA.request('DELETE', `/api/workshops/${workshopId}/members/${userId}`);
    expect(await closed).toBe(closeCode.accessChanged);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('keeps every acknowledged edit when an instance is killed with SIGKILL', async () => {
    const onB = await sessionOn(b);
    const writer = connectProvider(b.origin, documentId, onB.cookie, { acks: true });
    await writer.synced;
    const table = new GoalTable(writer.doc);
    for (let i = 0; i < 30; i++) table.addRow();
    const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
    await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock));
    const expectedRows = table.rows().map((r) => r.id);
    writer.provider.disconnect();
    await b.kill9();

    // A has the edits in memory once B's last publications or A's periodic catch-up arrive.
    const reader = connectProvider(a.origin, documentId, onA.cookie);
    await reader.synced;
    await eventually(() => expect(new GoalTable(reader.doc).rows().map((r) => r.id)).toEqual(expectedRows));
    reader.destroy();
    writer.destroy();
    await b.start();
    const fresh = connectProvider(b.origin, documentId, (await sessionOn(b)).cookie);
    await fresh.synced;
    expect(new GoalTable(fresh.doc).rows().map((r) => r.id)).toEqual(expectedRows);
    fresh.destroy();
  });
});
