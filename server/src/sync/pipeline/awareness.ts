import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { colourFor } from '@yhteispaja/model';
import type { Connection } from '../connection.ts';
import type { Room } from '../room.ts';
import { MalformedMessageError, type ReceiveStep } from './types.ts';

/** JSON nesting an awareness state may have: the web's states ({user, cell, cursor}) nest 4 deep. */
export const maxAwarenessDepth = 16;
/** Client ids one socket may announce: one per editor doc; a few for reconnects in the same tab. */
export const maxAwarenessClientsPerConnection = 4;

/**
 * Apply an awareness (presence) update after checking every state in it; the room relays it.
 * A state must be JSON, at most `SYNC_MAX_AWARENESS_BYTES` long and `maxAwarenessDepth` deep
 * (a 6,000-level state once made every join fail). A client id belongs to the connection that
 * first announced it (or to the same user reconnecting); states for ids another connection owns
 * are dropped, so nobody can overwrite, erase or invent someone else's presence. The `user` of
 * every state is set here from the session: id, name and colour as the web's presence reads them.
 */
export const awareness: ReceiveStep = {
  name: 'awareness',
  receive({ room, connection, message }) {
    if (message?.kind !== 'awareness') return 'continue';
    const entries = readAwarenessUpdate(message.update);
    const accepted: AwarenessEntry[] = [];
    for (const entry of entries) {
      const refusal = refusalOf(room, connection, entry);
      if (refusal) {
        room.deps.metrics.refused.inc({ reason: `awareness-${refusal}` });
        continue;
      }
      accepted.push(entry.state === null ? entry : { ...entry, state: withSessionUser(entry.state, connection) });
    }
    if (accepted.length > 0) awarenessProtocol.applyAwarenessUpdate(room.awareness, writeAwarenessUpdate(accepted), connection);
    return 'stop';
  },
};

interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** Parsed JSON; null removes the client's state. */
  state: unknown;
  /** Length of the state's JSON text. */
  bytes: number;
}

type Refusal = 'too-large' | 'too-deep' | 'not-an-object' | 'owned-by-another' | 'too-many-clients';

function refusalOf(room: Room, connection: Connection, entry: AwarenessEntry): Refusal | undefined {
  const owner = room.awarenessOwners.get(entry.clientId);
  if (owner !== undefined && owner !== connection) {
    // The same user reconnecting (the old socket not yet gone) takes over their own id.
    if (owner === 'remote' || owner.userId !== connection.userId) return 'owned-by-another';
  }
  if (owner === undefined && !connection.awarenessClients.has(entry.clientId) && connection.awarenessClients.size >= maxAwarenessClientsPerConnection) {
    return 'too-many-clients';
  }
  if (entry.state === null) return undefined;
  if (entry.bytes > room.deps.maxAwarenessBytes) return 'too-large';
  if (typeof entry.state !== 'object' || Array.isArray(entry.state)) return 'not-an-object';
  if (jsonDepth(entry.state, maxAwarenessDepth) > maxAwarenessDepth) return 'too-deep';
  return undefined;
}

function withSessionUser(state: unknown, connection: Connection): Record<string, unknown> {
  return {
    ...(state as Record<string, unknown>),
    user: { id: connection.userId, name: connection.userName, color: colourFor(connection.userId) },
  };
}

/** Read y-protocols' awareness update layout; anything else is malformed. */
function readAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      // V8's JSON.parse does not recurse on the call stack; the depth is checked before anyone stringifies it again.
      entries.push({ clientId, clock, state: JSON.parse(json) as unknown, bytes: json.length });
    }
    return entries;
  } catch (error) {
    throw new MalformedMessageError(`awareness: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function writeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarString(encoder, JSON.stringify(state));
  }
  return encoding.toUint8Array(encoder);
}

/** Nesting of a JSON value, counted iteratively up to `cap` (returns more than cap when deeper). */
function jsonDepth(value: unknown, cap: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (depth > cap) return depth;
    for (const child of Object.values(current as object)) stack.push([child, depth + 1]);
  }
  return deepest;
}
