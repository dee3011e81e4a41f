import { closeCode } from '@yhteispaja/model';
import type { ReceiveStep } from './types.ts';

/**
 * Close a socket that sends more frames than its budgets allow. Every frame counts against the
 * edit budget (`SYNC_RATE_*`); sync step 1 and awareness queries also against the reads budget
 * (each makes the server send, possibly the whole document), presence against the awareness
 * budget. One log line per socket: frames that arrive while it closes are dropped silently.
 */
export const rateLimit: ReceiveStep = {
  name: 'rate-limit',
  receive({ room, connection, message }) {
    if (connection.rateLimited) return 'stop';
    const { rates } = connection;
    const extra = message?.kind === 'awareness' ? rates.awareness : message?.kind === 'update' ? undefined : rates.reads;
    if (rates.edits.take() && (extra?.take() ?? true)) return 'continue';
    connection.rateLimited = true;
    room.deps.metrics.refused.inc({ reason: 'rate' });
    room.deps.logger.warn({ documentId: room.documentId, userId: connection.userId, kind: message?.kind }, 'sync rate limit exceeded; closing');
    connection.close(closeCode.rateLimited, 'rate limit exceeded');
    return 'stop';
  },
};
