import * as Y from 'yjs';
import * as frames from '../messages.ts';
import type { ReceiveStep } from './types.ts';
import { updateOf } from './types.ts';

/** Past this share of the ceiling, the room compacts (at most every `Room.compactionPauseMs`): deleted content is then freed. */
export const compactAtShare = 0.8;
/** Facilitators' clean-up may take the document this much past the ceiling (moving or rewriting text to shorten it). */
export const cleanUpHeadroom = 0.1;

/**
 * Refuse an update that would take the stored document past its ceiling, and tell the sender.
 * The ceiling must not be a trap: an update that only deletes is always accepted (it adds no
 * content, and compaction frees what it deleted), and facilitators get headroom for clean-up.
 */
export const sizeLimit: ReceiveStep = {
  name: 'size-limit',
  receive(context) {
    const { room, connection } = context;
    const { maxDocumentBytes, metrics } = room.deps;
    const update = updateOf(context);
    if (room.storedBytes > maxDocumentBytes * compactAtShare) room.compactSoon();
    const ceiling = connection.canCleanUp ? maxDocumentBytes * (1 + cleanUpHeadroom) : maxDocumentBytes;
    if (room.storedBytes + update.byteLength <= ceiling) return 'continue';
    const decoded = context.decoded ?? Y.decodeUpdate(update);
    if (decoded.structs.length === 0) return 'continue';
    metrics.refused.inc({ reason: 'document-too-large' });
    connection.send(frames.documentTooLarge(maxDocumentBytes));
    return 'stop';
  },
};
