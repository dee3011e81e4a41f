import { closeCode } from '@yhteispaja/model';
import type { CommitStep } from './types.ts';

/**
 * Before the update is stored, claim the client ids it adds structs under for the sender's user
 * (sync/attribution.ts). An update under client ids another user owns is a forgery: refused, and
 * the sender closed, since its later updates build on the refused one.
 */
export const attribute: CommitStep = {
  name: 'attribute',
  async commit({ room, connection, update }) {
    if (!connection.open) return 'stop';
    try {
      if (await room.attribution.claim(room.doc, update, connection.userId)) return 'continue';
      room.deps.metrics.refused.inc({ reason: 'forged-client-id' });
      connection.close(closeCode.forbidden, 'client id belongs to another user');
    } catch (error) {
      room.deps.logger.error({ err: error, documentId: room.documentId }, 'could not record attribution; closing the sender');
      connection.close(closeCode.storeUnavailable, 'store unavailable');
    }
    return 'stop';
  },
};
