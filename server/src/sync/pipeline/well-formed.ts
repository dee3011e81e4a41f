import * as Y from 'yjs';
import type { ReceiveStep } from './types.ts';
import { updateOf } from './types.ts';

/** Parse the update before anything stores it: a malformed update must never reach the log. */
export const wellFormed: ReceiveStep = {
  name: 'well-formed',
  receive(context) {
    context.decoded = Y.decodeUpdate(updateOf(context));
    return 'continue';
  },
};
