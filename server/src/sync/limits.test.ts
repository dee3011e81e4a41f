import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { closeCode, GoalTable, messageType, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';

let server: TestServer;
let admin: ApiClient;
let workshopId: string;

beforeAll(async () => {
  server = await startTestServer({ env: { SYNC_RATE_PER_SECOND: '5', SYNC_RATE_BURST: '20', SYNC_MAX_DOCUMENT_BYTES: '20000' } });
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
