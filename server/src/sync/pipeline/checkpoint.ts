import type { CommitStep } from './types.ts';

/** After ten minutes of activity, checkpoint the document (state taken now, between two updates; written in the background). */
export const checkpoint: CommitStep = {
  name: 'checkpoint',
  commit({ room }) {
    if (room.history.changed()) void room.history.checkpoint(room.doc, 'activity', null);
    return 'continue';
  },
};
