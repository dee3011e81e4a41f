import type { CommitStep } from './types.ts';

/** Merge the log into one state after this many appended updates. */
export const compactEvery = 500;

/** Count appended updates and start a background compaction now and then; the queue does not wait for it. */
export const compact: CommitStep = {
  name: 'compact',
  commit({ room }) {
    if (++room.appendedSinceCompaction >= compactEvery) room.compactInBackground();
    return 'continue';
  },
};
