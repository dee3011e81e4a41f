import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { colourFor, messageType } from '@yhteispaja/model';
import { memberClient } from '../testing/people.ts';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider, rawSocket } from '../testing/sync-client.ts';

/** An awareness frame with hand-written entries: any client id, clock and JSON text. */
function awarenessFrame(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const { clientId, clock, json } of entries) {
    encoding.writeVarUint(inner, clientId);
    encoding.writeVarUint(inner, clock);
    encoding.writeVarString(inner, json);
  }
  const outer = encoding.createEncoder();
  encoding.writeVarUint(outer, messageType.awareness);
  encoding.writeVarUint8Array(outer, encoding.toUint8Array(inner));
  return encoding.toUint8Array(outer);
}

function names(states: Map<number, Record<string, any>>): string[] {
  return [...states.values()].map((state) => state['user']?.name as string).filter(Boolean).sort();
}

describe('awareness from hostile clients (issue #8, findings 4 and 5)', () => {
  let server: TestServer;
  let admin: ApiClient;
  let workshopId: string;

  beforeAll(async () => {
    server = await startTestServer();
    admin = await new ApiClient(server.origin).login(adminCredentials);
    workshopId = (await admin.json('POST', '/api/workshops', { title: 'Presence' })).id;
  });
  afterAll(() => server.dispose());

  async function newDocument(): Promise<string> {
    return (await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'T' })).id;
  }

  it('refuses deep, oversized and non-object awareness states from a lingering observer; joins keep working', async () => {
    const documentId = await newDocument();
    const observer = await memberClient(admin, workshopId, 'Observer', 'observer');
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: observer.cookie! });
    // V8 parses deep JSON without recursion, but stringifying it again (for every joiner) recurses:
    // 6,000 levels overflowed the stack in the review; 3,000 still pass and would reach every joiner.
    const deep = '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000);
    socket!.send(awarenessFrame([{ clientId: 1001, clock: 1, json: `{"user":{"name":"x"},"deep":${deep}}` }]));
    // Within the size bound but 2,000 levels deep.
    const deepButSmall = '['.repeat(1_500) + ']'.repeat(1_500);
    socket!.send(awarenessFrame([{ clientId: 1002, clock: 1, json: `{"deep":${deepButSmall}}` }]));
    socket!.send(awarenessFrame([{ clientId: 1003, clock: 1, json: '"not an object"' }]));
    // The attacker then stops reading: a close handshake would never complete, so its socket lingers.
    await new Promise((resolve) => setTimeout(resolve, 200));
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();

    for (let join = 0; join < 3; join++) {
      const joiner = connectProvider(server.origin, documentId, admin.cookie);
      await joiner.synced;
      expect([...joiner.provider.awareness.getStates().keys()].filter((id) => id >= 1001 && id <= 1003)).toEqual([]);
      joiner.destroy();
    }
    socket!.terminate();
  });

  it('refuses states for another connection’s client id and sets every user from the session', async () => {
    const documentId = await newDocument();
    const participant = await memberClient(admin, workshopId, 'Osallistuja B', 'participant');
    const facilitator = connectProvider(server.origin, documentId, admin.cookie);
    await facilitator.synced;
    facilitator.provider.awareness.setLocalState({ user: { id: 'whatever', name: 'Fasilitaattori A', color: '#000000' }, cell: null });

    const watcher = connectProvider(server.origin, documentId, admin.cookie);
    await watcher.synced;
    const target = facilitator.doc.clientID;
    await eventually(() => expect(watcher.provider.awareness.getStates().has(target)).toBe(true));

    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: participant.cookie! });
    const forged = { user: { id: 'admin', name: 'Hijacked', color: '#ff0000' }, cell: null };
    socket!.send(awarenessFrame([{ clientId: target, clock: 1_000, json: JSON.stringify(forged) }])); // overwrite
    socket!.send(awarenessFrame([{ clientId: target, clock: 1_001, json: 'null' }])); // erase
    socket!.send(awarenessFrame([{ clientId: 777_001, clock: 1, json: JSON.stringify({ user: { id: 'admin', name: 'Järjestelmänvalvoja' }, cell: null }) }])); // invent

    // The invented state arrives, but as the participant it really is.
    await eventually(() => expect(watcher.provider.awareness.getStates().has(777_001)).toBe(true));
    const states = watcher.provider.awareness.getStates() as Map<number, Record<string, any>>;
    expect(states.get(777_001)!['user']).toEqual({ id: participant.userId, name: 'Osallistuja B', color: colourFor(participant.userId) });
    expect(states.get(target)!['user']['name']).not.toBe('Hijacked');
    expect(names(states)).not.toContain('Järjestelmänvalvoja');
    expect(names(states)).not.toContain('Hijacked');
    // The facilitator's own state carries the session's user, whatever the client claimed.
    const { user: me } = await admin.json('GET', '/api/me');
    expect(states.get(target)!['user']).toEqual({ id: me.id, name: me.name, color: colourFor(me.id) });

    socket!.close();
    facilitator.destroy();
    watcher.destroy();
  });

  it('bounds the awareness one socket can hold: states over the size limit are refused', async () => {
    const documentId = await newDocument();
    const { socket } = await rawSocket(server.origin, `/sync/${documentId}`, { cookie: admin.cookie! });
    const big = JSON.stringify({ cell: null, padding: 'x'.repeat(1_500_000) });
    socket!.send(awarenessFrame([{ clientId: 880_001, clock: 1, json: big }]));
    for (let id = 880_010; id < 880_020; id++) socket!.send(awarenessFrame([{ clientId: id, clock: 1, json: '{"cell":null}' }]));
    const joiner = connectProvider(server.origin, documentId, admin.cookie);
    await joiner.synced;
    await eventually(() => expect(joiner.provider.awareness.getStates().size).toBeGreaterThan(1));
    const ids = [...joiner.provider.awareness.getStates().keys()].filter((id) => id >= 880_000 && id < 881_000);
    expect(ids).not.toContain(880_001);
    expect(ids.length).toBeLessThanOrEqual(4);
    joiner.destroy();
    socket!.close();
  });
});
