import * as Y from 'yjs';
import type { CommitStep } from './types.ts';

/** Apply a stored update to the live doc (the room relays it to the other local sockets) and publish it to other instances. */
export const applyAndRelay: CommitStep = {
  name: 'apply-and-relay',
  commit({ room, connection, update }) {
    Y.applyUpdate(room.doc, update, connection);
    room.deps.metrics.updates.inc();
    room.deps.metrics.updateBytes.inc(update.byteLength);
    room.deps.channel.publishUpdate(update);
    return 'continue';
  },
};
