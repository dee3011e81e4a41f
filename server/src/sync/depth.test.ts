import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeCode, messageType } from '@yhteispaja/model';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';

/** Issue #8, finding 1: a valid update nesting `depth` Y.Maps (10,000 levels: about 120 KB). */
function nestedMapsUpdate(depth: number, clientId: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  doc.transact(() => {
    let map = doc.getMap('root');
    for (let level = 0; level < depth; level++) {
      const child = new Y.Map<unknown>();
      map.set('c', child);
      map = child;
    }
  });
  return Y.encodeStateAsUpdate(doc);
}

/** The 10-byte follow-up: a delete set naming the chain's first item (client `clientId`, clock 0). */
function deleteChainRoot(clientId: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, clientId);
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 1);
  return encoding.toUint8Array(encoder);
}

function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('nesting depth (issue #8, finding 1)', () => {
  let server: TestServer;
  let admin: ApiClient;
  let workshopId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await new ApiClient(server.origin).login(adminCredentials);
    workshopId = (await admin.json('POST', '/api/workshops', { title: 'Depth' })).id;
  });
  afterAll(() => server.dispose());

  async function newDocument(): Promise<string> {
    return (await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' })).id;
  }

  async function opens(documentId: string): Promise<Y.Doc> {
    const client = connectProvider(server.origin, documentId, admin.cookie);
    await client.synced;
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(client.doc));
    client.destroy();
    return copy;
  }

  it('refuses a 10,000-level chain of maps at ingest and stores nothing of it; the document still opens after a restart', async () => {
    const documentId = await newDocument();
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const closed = new Promise<number>((resolve) => socket!.once('close', (code) => resolve(code)));
    socket!.send(updateFrame(nestedMapsUpdate(10_000, 424242)));
    socket!.send(updateFrame(deleteChainRoot(424242)));
    expect(await closed).toBe(closeCode.malformedMessage);

    server = await server.restart();
    admin = await new ApiClient(server.origin).login(adminCredentials);
    const doc = await opens(documentId);
    expect(doc.getMap('root').size).toBe(0);
    expect((await admin.request('GET', `/api/workshops/${workshopId}/items`)).status).toBe(200);
  }, 30_000);

  it('opens a document whose stored history was bricked before the bound, from its good parts, and flags it', async () => {
    const documentId = await newDocument();
    const writer = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    await writer.synced;
    writer.doc.getText('notes').insert(0, 'kept');
    await eventually(() => expect(Y.decodeStateVector(writer.acks.at(-1) ?? new Uint8Array([0])).get(writer.doc.clientID)).toBe(4));
    writer.destroy();
    // What an attacker left in the store before the bound existed.
    await server.store.updates.append(documentId, nestedMapsUpdate(10_000, 515151));
    await server.store.updates.append(documentId, deleteChainRoot(515151));

    server = await server.restart();
    admin = await new ApiClient(server.origin).login(adminCredentials);
    const doc = await opens(documentId);
    expect(doc.getText('notes').toString()).toBe('kept');
    const health = await (await fetch(`${server.origin}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, quarantinedDocuments: 1 });
    expect((await admin.request('GET', `/api/workshops/${workshopId}/items`)).status).toBe(200);
    const purge = await admin.request('POST', `/api/documents/${documentId}/purge`, { text: 'nothing-here' });
    expect(purge.status).toBe(200);
  }, 30_000);
});
