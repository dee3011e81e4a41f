import * as frames from '../messages.ts';
import type { ReceiveStep } from './types.ts';
import { updateOf } from './types.ts';

/** Refuse an update that would take the stored document past its ceiling, and tell the sender. */
export const sizeLimit: ReceiveStep = {
  name: 'size-limit',
  receive(context) {
    const { room, connection } = context;
    const { maxDocumentBytes, metrics } = room.deps;
    if (room.storedBytes + updateOf(context).byteLength <= maxDocumentBytes) return 'continue';
    metrics.refused.inc({ reason: 'document-too-large' });
    connection.send(frames.documentTooLarge(maxDocumentBytes));
    return 'stop';
  },
};
