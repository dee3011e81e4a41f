import * as Y from 'yjs';
import type { CommitStep } from './types.ts';

/** Whether an update changes anything (a client's sync step 2 is often empty). */
function changesSomething(update: Uint8Array): boolean {
  const decoded = Y.decodeUpdate(update);
  return decoded.structs.length > 0 || decoded.ds.clients.size > 0;
}

/** After ten minutes of activity, checkpoint the document (state taken now, between two updates; written in the background). */
export const checkpoint: CommitStep = {
  name: 'checkpoint',
  commit({ room, update }) {
    if (changesSomething(update) && room.history.changed()) void room.history.checkpoint(room.doc, 'activity', null);
    return 'continue';
  },
};
