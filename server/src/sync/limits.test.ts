import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { closeCode, GoalTable, messageType, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';
import { allStored } from '../testing/acks.ts';

/** One counter of the server's Prometheus text, 0 when absent. */
async function metric(origin: string, name: string, labels = ''): Promise<number> {
  const text = await (await fetch(`${origin}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

let server: TestServer;
let admin: ApiClient;
let workshopId: string;

beforeAll(async () => {
  server = await startTestServer({
    env: {
      SYNC_RATE_PER_SECOND: '5',
      SYNC_RATE_BURST: '20',
      SYNC_MAX_DOCUMENT_BYTES: '20000',
      SYNC_READ_RATE_BURST: '20',
    },
  });
  admin = await new ApiClient(server.origin).login(adminCredentials);
  workshopId = (await admin.json('POST', '/api/workshops', { title: 'Limits' })).id;
});
afterAll(() => server.dispose());

async function newGoalTable(): Promise<string> {
  return (await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' })).id;
}

describe('per-connection and per-document limits', () => {
  it('closes a connection that floods messages, with the rate-limit close code', async () => {
    const documentId = await newGoalTable();
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    for (let i = 0; i < 60; i++) {
      awareness.setLocalStateField('n', i);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageType.awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [awareness.clientID]));
      socket!.send(encoding.toUint8Array(encoder));
    }
    expect(await closed).toBe(closeCode.rateLimited);
    awareness.destroy();
  });

  it('counts (and logs) a rate-limited socket once, not once per further frame (issue #8, finding 11)', async () => {
    const documentId = await newGoalTable();
    const before = await metric(server.origin, 'yhteispaja_sync_refused_total', '{reason="rate"}');
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    const query = Uint8Array.of(messageType.queryAwareness);
    for (let i = 0; i < 80; i++) socket!.send(query);
    expect(await closed).toBe(closeCode.rateLimited);
    expect(await metric(server.origin, 'yhteispaja_sync_refused_total', '{reason="rate"}')).toBe(before + 1);
  });

  it('accepts deletions at the ceiling, so a filled document can always be cleaned up (issue #8, finding 7)', async () => {
    const documentId = await newGoalTable();
    const writer = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    let refusals = 0;
    writer.provider.messageHandlers[messageType.documentTooLarge] = () => refusals++;
    await writer.synced;
    const text = writer.doc.getText('filler');
    // Fill in ever smaller steps until even one character is refused: the document is at its ceiling.
    for (const size of [4000, 1000, 100, 10, 1]) {
      for (;;) {
        const seen = refusals;
        const acked = writer.acks.length;
        text.insert(text.length, 'y'.repeat(size));
        await eventually(() => expect(refusals > seen || writer.acks.length > acked).toBe(true));
        if (refusals > seen) break;
      }
    }
    // The refused tails live only in the writer; start a fresh client from what the server has.
    writer.destroy();
    const cleaner = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    let refusedAgain = false;
    cleaner.provider.messageHandlers[messageType.documentTooLarge] = () => (refusedAgain = true);
    await cleaner.synced;
    const stored = cleaner.doc.getText('filler');
    const length = stored.length;
    expect(length).toBeGreaterThan(1000);
    // Many separate ranges: a delete set larger than whatever room is left.
    cleaner.doc.transact(() => {
      for (let at = length - 2; at > 0 && at > length - 400; at -= 2) stored.delete(at, 1);
    });
    const clockAcked = cleaner.acks.length;
    await eventually(() => expect(cleaner.acks.length).toBeGreaterThan(clockAcked));
    expect(refusedAgain).toBe(false);
    cleaner.destroy();
    const reader = connectProvider(server.origin, documentId, admin.cookie);
    await reader.synced;
    expect(reader.doc.getText('filler').length).toBeLessThan(length);
    reader.destroy();
  }, 60_000);


  it('refuses an update past the document ceiling, tells the sender, and stores nothing of it', async () => {
    const documentId = await newGoalTable();
    const writer = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    let refusedCeiling: number | undefined;
    writer.provider.messageHandlers[messageType.documentTooLarge] = (_encoder, decoder) => {
      refusedCeiling = decoding.readVarUint(decoder);
    };
    await writer.synced;
    const table = new GoalTable(writer.doc);
    const rowId = table.rows()[0]!.id;
    setPlainText(table.richText(rowId, 'goal')!, 'x'.repeat(30_000));
    await eventually(() => expect(refusedCeiling).toBe(20_000));
    writer.destroy();

    const reader = connectProvider(server.origin, documentId, admin.cookie);
    await reader.synced;
    expect(new GoalTable(reader.doc).richText(rowId, 'goal')!.length).toBe(0);
    reader.destroy();
  });
});

describe('slow consumers (issue #8, finding 6)', () => {
  it('closes a socket that does not read what it asked for (slow consumer, 4504) instead of buffering without bound', async () => {
    const big = await startTestServer({ env: { SYNC_READ_RATE_BURST: '40', SYNC_MAX_BUFFERED_BYTES: String(1024 * 1024) } });
    const owner = await new ApiClient(big.origin).login(adminCredentials);
    const workshop = (await owner.json('POST', '/api/workshops', { title: 'Slow' })).id;
    const documentId = (await owner.json('POST', `/api/workshops/${workshop}/documents`, { type: 'goal-table', title: 'T' })).id;
    const writer = connectProvider(big.origin, documentId, owner.cookie, { acks: true });
    await writer.synced;
    writer.doc.getText('bulk').insert(0, 'z'.repeat(1_500_000));
    await allStored(writer);
    writer.destroy();
    const before = await metric(big.origin, 'yhteispaja_sync_refused_total', '{reason="slow-consumer"}');
    const { socket } = await rawSocket(big.origin, `/sync/${documentId}`, { cookie: owner.cookie! });
    // Stop reading: the kernel buffers fill, then the server's send buffer grows.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const step1 = Uint8Array.of(messageType.sync, 0, 1, 0); // sync step 1 with an empty state vector: "send me everything"
    for (let i = 0; i < 30; i++) socket!.send(step1);
    await eventually(async () => expect(await metric(big.origin, 'yhteispaja_sync_refused_total', '{reason="slow-consumer"}')).toBe(before + 1), 20_000);
    socket!.terminate();
    await big.dispose();
  }, 30_000);
});
