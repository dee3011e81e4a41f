import { closeCode } from '@yhteispaja/model';
import type { CommitStep, UpdateContext, Verdict } from './types.ts';

/**
 * Append the batch's updates to the store before anyone else sees them, in one transaction shared
 * with the other rooms' batches of the same turn (sync/group-commit.ts), so the in-memory doc never
 * holds anything the store lacks. A store failure closes the senders: their later updates depend
 * on the lost ones.
 */
export const persist: CommitStep = {
  name: 'persist',
  async commit(context) {
    return (await persistBatch([context]))[0]!;
  },
  commitBatch: persistBatch,
};

async function persistBatch(contexts: readonly UpdateContext[]): Promise<Verdict[]> {
  // A socket that failed an earlier write is closed; its later updates depend on the lost one.
  const verdicts: Verdict[] = contexts.map(({ connection }) => (connection.open ? 'continue' : 'stop'));
  const writing = contexts.filter((_, index) => verdicts[index] === 'continue');
  if (writing.length === 0) return verdicts;
  const { room } = writing[0]!;
  const { groupCommit, logger, metrics } = room.deps;
  const stopTimer = metrics.storeLatency.startTimer();
  try {
    await groupCommit.append(writing.map(({ update }) => ({ documentId: room.documentId, update })));
    stopTimer();
    for (const { update } of writing) room.storedBytes += update.byteLength;
    return verdicts;
  } catch (error) {
    logger.error({ err: error, documentId: room.documentId }, 'could not store updates; closing their senders');
    for (const { connection } of writing) connection.close(closeCode.storeUnavailable, 'store unavailable');
    return contexts.map(() => 'stop');
  }
}
