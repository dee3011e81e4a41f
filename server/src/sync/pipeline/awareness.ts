import * as awarenessProtocol from 'y-protocols/awareness';
import type { ReceiveStep } from './types.ts';

/** Apply an awareness (presence) update; the room relays it to every socket. Never stored. */
export const awareness: ReceiveStep = {
  name: 'awareness',
  receive({ room, connection, message }) {
    if (message?.kind !== 'awareness') return 'continue';
    awarenessProtocol.applyAwarenessUpdate(room.awareness, message.update, connection);
    return 'stop';
  },
};
