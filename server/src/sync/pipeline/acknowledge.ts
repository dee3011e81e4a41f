import * as Y from 'yjs';
import type { Connection } from '../connection.ts';
import * as frames from '../messages.ts';
import type { CommitStep, UpdateContext, Verdict } from './types.ts';

/**
 * Tell a client that asked (`?acks=1`) that its updates are durable: the state vector after this
 * commit, once per connection per batch (it covers every update of the batch).
 */
export const acknowledge: CommitStep = {
  name: 'acknowledge',
  commit(context) {
    return acknowledgeBatch([context])[0]!;
  },
  commitBatch: acknowledgeBatch,
};

function acknowledgeBatch(contexts: readonly UpdateContext[]): Verdict[] {
  const told = new Set<Connection>();
  let stateVector: Uint8Array | undefined;
  for (const { room, connection } of contexts) {
    if (!connection.wantsAcks || told.has(connection)) continue;
    told.add(connection);
    stateVector ??= Y.encodeStateVector(room.doc);
    connection.send(frames.persistedAck(stateVector));
  }
  return contexts.map(() => 'continue');
}
