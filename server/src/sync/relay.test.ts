import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { messageType } from '@yhteispaja/model';
import { Connection } from './connection.ts';
import { TokenBucket } from './rate-limit.ts';
import { Relay } from './relay.ts';

function fakeConnection() {
  const sent: Uint8Array[] = [];
  const socket = { readyState: 1, OPEN: 1, CLOSED: 3, CLOSING: 2, send: (frame: Uint8Array) => sent.push(frame) };
  const connection = new Connection({
    socket: socket as unknown as WebSocket,
    userId: 'u',
    sessionId: 's',
    workshopId: 'w',
    readOnly: false,
    wantsAcks: false,
    rate: new TokenBucket(100, 100),
  });
  return { connection, sent };
}

/** The Yjs update inside a sync-update frame. */
function updateIn(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame);
  expect(decoding.readVarUint(decoder)).toBe(messageType.sync);
  decoding.readVarUint(decoder);
  return decoding.readVarUint8Array(decoder);
}

function typed(text: string): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (const char of text) doc.getText('t').insert(doc.getText('t').length, char);
  return { doc, updates };
}

describe('merged broadcast', () => {
  it('sends one merged frame per connection for a held batch from several senders', () => {
    const a = fakeConnection();
    const b = fakeConnection();
    const reader = fakeConnection();
    const connections = new Set([a.connection, b.connection, reader.connection]);
    const relay = new Relay(connections, new awarenessProtocol.Awareness(new Y.Doc()));
    const fromA = typed('abc');
    const fromB = typed('xy');
    relay.hold();
    for (const update of fromA.updates) relay.update(update, a.connection);
    for (const update of fromB.updates) relay.update(update, b.connection);
    relay.release();
    for (const { sent } of [a, b, reader]) expect(sent).toHaveLength(1);
    const seen = new Y.Doc();
    Y.applyUpdate(seen, updateIn(reader.sent[0]!));
    expect(seen.getText('t').toString().split('').sort().join('')).toBe('abcxy');
  });

  it('skips the only sender of a batch, and connections that joined after it was applied', () => {
    const a = fakeConnection();
    const late = fakeConnection();
    const reader = fakeConnection();
    const connections = new Set([a.connection, reader.connection]);
    const relay = new Relay(connections, new awarenessProtocol.Awareness(new Y.Doc()));
    relay.hold();
    for (const update of typed('hei').updates) relay.update(update, a.connection);
    connections.add(late.connection);
    relay.joined(late.connection);
    relay.release();
    expect(a.sent).toHaveLength(0);
    expect(late.sent).toHaveLength(0);
    expect(reader.sent).toHaveLength(1);
  });

  it('collects the awareness changes of one turn into one frame', async () => {
    const reader = fakeConnection();
    const awareness = new awarenessProtocol.Awareness(new Y.Doc());
    const relay = new Relay(new Set([reader.connection]), awareness);
    for (let i = 0; i < 5; i++) {
      const peer = new awarenessProtocol.Awareness(new Y.Doc());
      peer.setLocalState({ cursor: i });
      awarenessProtocol.applyAwarenessUpdate(awareness, awarenessProtocol.encodeAwarenessUpdate(peer, [peer.clientID]), 'peer');
      relay.awarenessChanged([peer.clientID]);
      peer.destroy();
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(reader.sent).toHaveLength(1);
    const decoder = decoding.createDecoder(reader.sent[0]!);
    expect(decoding.readVarUint(decoder)).toBe(messageType.awareness);
    const received = new awarenessProtocol.Awareness(new Y.Doc());
    awarenessProtocol.applyAwarenessUpdate(received, decoding.readVarUint8Array(decoder), 'server');
    expect([...received.getStates().values()].filter((state) => 'cursor' in state)).toHaveLength(5);
    awareness.destroy();
    received.destroy();
  });
});
