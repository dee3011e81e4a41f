import { closeCode } from '@yhteispaja/model';
import type { ReceiveStep } from './types.ts';

/** Close a socket that sends more frames than its token bucket allows. */
export const rateLimit: ReceiveStep = {
  name: 'rate-limit',
  receive({ room, connection }) {
    if (connection.rate.take()) return 'continue';
    room.deps.metrics.refused.inc({ reason: 'rate' });
    room.deps.logger.warn({ documentId: room.documentId, userId: connection.userId }, 'sync rate limit exceeded; closing');
    connection.close(closeCode.rateLimited, 'rate limit exceeded');
    return 'stop';
  },
};
