import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type WebSocket from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { GoalTable, messageType } from '@yhteispaja/model';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';
import { rawSocket } from '../testing/sync-client.ts';

/** y-protocols spoken frame by frame, with the library's own encoders, as any conforming client would. */
let server: TestServer;
let admin: ApiClient;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await new ApiClient(server.origin).login(adminCredentials);
  const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Protocol' });
  ({ id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' }));
});
afterAll(() => server.dispose());

/** Collects decoded frames; `next(type)` resolves with the next frame of that message type. */
function frames(socket: WebSocket) {
  // rawSocket() records frames from the start, before this listener exists.
  const queue = (socket as WebSocket & { received: Uint8Array[] }).received;
  const waiting: { type: number; resolve: (d: decoding.Decoder) => void }[] = [];
  socket.on('message', () => flush());
  function flush() {
    for (const wait of [...waiting]) {
      const index = queue.findIndex((frame) => decoding.readVarUint(decoding.createDecoder(frame)) === wait.type);
      if (index < 0) continue;
      const decoder = decoding.createDecoder(queue.splice(index, 1)[0]!);
      decoding.readVarUint(decoder);
      waiting.splice(waiting.indexOf(wait), 1);
      wait.resolve(decoder);
    }
  }
  return {
    next(type: number): Promise<decoding.Decoder> {
      return new Promise((resolve) => {
        waiting.push({ type, resolve });
        flush();
      });
    },
  };
}

function send(socket: WebSocket, write: (encoder: encoding.Encoder) => void): void {
  const encoder = encoding.createEncoder();
  write(encoder);
  socket.send(encoding.toUint8Array(encoder));
}

describe('y-protocols conformance', () => {
  it('opens with sync step 1, answers step 1 with step 2, and relays updates and awareness', async () => {
    const { socket: a } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const { socket: b } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const fromA = frames(a!);
    const fromB = frames(b!);

    // The server starts with its state vector (sync step 1).
    const first = await fromA.next(messageType.sync);
    expect(decoding.readVarUint(first)).toBe(syncProtocol.messageYjsSyncStep1);

    // A asks with an empty state vector and gets the whole stored document (sync step 2).
    const docA = new Y.Doc();
    send(a!, (e) => {
      encoding.writeVarUint(e, messageType.sync);
      syncProtocol.writeSyncStep1(e, docA);
    });
    const step2 = await fromA.next(messageType.sync);
    expect(syncProtocol.readSyncMessage(step2, encoding.createEncoder(), docA, 'server')).toBe(syncProtocol.messageYjsSyncStep2);
    expect(new GoalTable(docA).rows()).toHaveLength(3);

    // An update from A reaches B.
    const docB = new Y.Doc();
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA));
    const before = Y.encodeStateVector(docA);
    new GoalTable(docA).addRow();
    send(a!, (e) => {
      encoding.writeVarUint(e, messageType.sync);
      syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(docA, before));
    });
    for (;;) {
      const frame = await fromB.next(messageType.sync);
      const kind = syncProtocol.readSyncMessage(frame, encoding.createEncoder(), docB, 'server');
      if (kind === syncProtocol.messageYjsUpdate) break;
    }
    expect(new GoalTable(docB).rows()).toHaveLength(4);

    // Awareness from A reaches B; query-awareness returns every known state; closing A removes it.
    const awareness = new awarenessProtocol.Awareness(docA);
    awareness.setLocalState({ user: { name: 'Raaka' }, cell: null });
    send(a!, (e) => {
      encoding.writeVarUint(e, messageType.awareness);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [docA.clientID]));
    });
    const seen = new awarenessProtocol.Awareness(new Y.Doc());
    for (;;) {
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(await fromB.next(messageType.awareness)), 'server');
      if (seen.getStates().has(docA.clientID)) break;
    }
    send(b!, (e) => encoding.writeVarUint(e, messageType.queryAwareness));
    const queried = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(queried, decoding.readVarUint8Array(await fromB.next(messageType.awareness)), 'server');
    // The server replaced the claimed user with the session's.
    expect(queried.getStates().get(docA.clientID)).toMatchObject({ cell: null, user: { id: expect.any(String), color: expect.stringMatching(/^#[0-9a-f]{6}$/) } });
    expect(queried.getStates().get(docA.clientID)!['user'].name).not.toBe('Raaka');

    a!.close();
    for (;;) {
      awarenessProtocol.applyAwarenessUpdate(seen, decoding.readVarUint8Array(await fromB.next(messageType.awareness)), 'server');
      if (!seen.getStates().has(docA.clientID)) break;
    }
    b!.close();
    awareness.destroy();
  });
});
