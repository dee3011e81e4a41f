import * as frames from '../messages.ts';
import type { ReceiveStep } from './types.ts';

/** Answer the frames that only read: a sync step 1 gets the missing updates, a query every awareness state. */
export const answerReads: ReceiveStep = {
  name: 'answer-reads',
  receive({ room, connection, message }) {
    if (message?.kind === 'sync-step-1') {
      connection.send(frames.syncStep2(room.doc, message.stateVector));
      return 'stop';
    }
    if (message?.kind === 'query-awareness') {
      connection.send(frames.awarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]));
      return 'stop';
    }
    return 'continue';
  },
};
