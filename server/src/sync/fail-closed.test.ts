import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

/** Catalogue G4: when the store fails, nothing is acknowledged or relayed; when it is back, the edit is stored once. */
let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

describe('a failing store', () => {
  it('sends no acknowledgement, relays nothing, and stores the edit once the store is back', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'G4' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' });
    const writer = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    const reader = connectProvider(server.origin, documentId, admin.cookie);
    await Promise.all([writer.synced, reader.synced]);

    const log = server.store.updates;
    const { append, appendMany } = log;
    let failures = 0;
    // A full disk fails every write: single appends and group commits alike.
    const fail = async (): Promise<never> => {
      failures++;
      throw new Error('SQLITE_FULL: database or disk is full');
    };
    log.append = fail;
    log.appendMany = fail;
    const acksBefore = writer.acks.length;
    const rowId = new GoalTable(writer.doc).addRow();
    await eventually(() => expect(failures).toBeGreaterThan(0));
    // The sender is closed with 4503 (transient) and keeps retrying; nobody is told the edit exists.
    expect(writer.acks.length).toBe(acksBefore);
    expect(new GoalTable(reader.doc).rows().map((r) => r.id)).not.toContain(rowId);
    // Reads go on: a new client still loads the document.
    const late = connectProvider(server.origin, documentId, admin.cookie);
    await late.synced;
    expect(new GoalTable(late.doc).rows()).toHaveLength(3);
    late.destroy();

    log.append = append;
    log.appendMany = appendMany;
    const clock = Y.decodeStateVector(Y.encodeStateVector(writer.doc)).get(writer.doc.clientID)!;
    await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1)!).get(writer.doc.clientID)).toBe(clock), 15_000);
    await eventually(() => expect(new GoalTable(reader.doc).rows().map((r) => r.id)).toContain(rowId));
    const stored = await server.store.updates.load(documentId);
    const rebuilt = new Y.Doc();
    for (const update of stored.state ? [stored.state, ...stored.updates] : stored.updates) Y.applyUpdate(rebuilt, update);
    expect(new GoalTable(rebuilt).rows().filter((r) => r.id === rowId)).toHaveLength(1);
    writer.destroy();
    reader.destroy();
  });
});
