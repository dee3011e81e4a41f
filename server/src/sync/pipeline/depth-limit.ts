import * as Y from 'yjs';
import { closeCode, measureStructsDepth } from '@yhteispaja/model';
import { MalformedMessageError, type ReceiveStep } from './types.ts';
import { updateOf } from './types.ts';

/**
 * Refuse an update that would nest shared types (or JSON values) deeper than `SYNC_MAX_DEPTH`,
 * or whose nested types hang from a parent nobody has: a 10,000-level chain of maps is a valid
 * update, but deleting its root overflows the stack inside Yjs on every later load. The depth is
 * decided from the update's structs and their parents in the live document; nothing is copied.
 */
export const depthLimit: ReceiveStep = {
  name: 'depth-limit',
  receive(context) {
    const { room } = context;
    const structs = (context.decoded ?? Y.decodeUpdate(updateOf(context))).structs;
    const verdict = measureStructsDepth(room.doc, structs, room.deps.maxDepth);
    if (verdict.ok) return 'continue';
    room.deps.metrics.refused.inc({ reason: verdict.reason });
    if (verdict.reason === 'unknown-parent') {
      // Possible without malice (another instance stored the parent and has not relayed it yet):
      // a reconnect syncs in full, and then the parent travels in the same update.
      context.connection.close(closeCode.resync, 'resync needed');
      return 'stop';
    }
    // A client never makes such an update by accident: close it as malformed (final, no reconnect loop).
    throw new MalformedMessageError(`nesting depth ${verdict.depth} over ${room.deps.maxDepth}`);
  },
};
