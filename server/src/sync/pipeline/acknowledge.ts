import * as Y from 'yjs';
import * as frames from '../messages.ts';
import type { CommitStep } from './types.ts';

/** Tell a client that asked (`?acks=1`) that its updates are durable: the state vector after this commit. */
export const acknowledge: CommitStep = {
  name: 'acknowledge',
  commit({ room, connection }) {
    if (connection.wantsAcks) connection.send(frames.persistedAck(Y.encodeStateVector(room.doc)));
    return 'continue';
  },
};
