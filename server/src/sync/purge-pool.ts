import { AppError } from '../errors.ts';
import { WorkerPool, type WorkerReply } from '../reports/pool.ts';

export interface PurgeRequest {
  state: Uint8Array;
  text: string;
}

export type PurgeReply = WorkerReply<{ removed: number; deletion: Uint8Array | null }>;

/** A purge that takes longer is stopped, and nothing is changed. */
export const purgeTimeoutMs = 60_000;

let pool: WorkerPool<PurgeRequest, { removed: number; deletion: Uint8Array | null }> | undefined;

/**
 * Find every occurrence of `text` in a document's state and make the update that deletes them,
 * in a worker thread: a purge of a large document (40,000 matches) keeps the event loop, and so
 * every other room and request, free. The worker has a large stack for deeply nested documents.
 * Resolves with the number removed and the deletion (null when nothing matched).
 */
export async function findPurge(request: PurgeRequest): Promise<{ removed: number; deletion: Uint8Array | null }> {
  pool ??= new WorkerPool(new URL('./purge-worker.ts', import.meta.url), {
    workers: 1,
    maxQueue: 16,
    timeoutMs: purgeTimeoutMs,
    resourceLimits: { stackSizeMb: 64, maxOldGenerationSizeMb: 2048 },
  });
  try {
    return await pool.run(request);
  } catch (error) {
    if (error instanceof AppError && error.code === 'busy') {
      throw new AppError('purge_busy', 429, 'Other purges are running; try again shortly', { headers: { 'Retry-After': '5' } });
    }
    if (error instanceof AppError && error.code === 'render_timeout') {
      throw new AppError('purge_timeout', 503, `The purge took longer than ${purgeTimeoutMs / 1000} s and was stopped; nothing was changed`);
    }
    throw new AppError('purge_failed', 503, 'The purge could not be made; nothing was changed');
  }
}
