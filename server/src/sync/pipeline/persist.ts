import { closeCode } from '@yhteispaja/model';
import type { CommitStep } from './types.ts';

/**
 * Append the update to the store before anyone else sees it, so the in-memory doc never holds
 * anything the store lacks. A store failure closes the sender: its later updates depend on this one.
 */
export const persist: CommitStep = {
  name: 'persist',
  async commit({ room, connection, update }) {
    // A socket that failed an earlier write is closed; its later updates depend on the lost one.
    if (!connection.open) return 'stop';
    const { log, logger, metrics } = room.deps;
    const stopTimer = metrics.storeLatency.startTimer();
    try {
      await log.append(room.documentId, update);
      stopTimer();
      room.storedBytes += update.byteLength;
      return 'continue';
    } catch (error) {
      logger.error({ err: error, documentId: room.documentId }, 'could not store an update; closing the sender');
      connection.close(closeCode.storeUnavailable, 'store unavailable');
      return 'stop';
    }
  },
};
