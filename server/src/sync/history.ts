import * as Y from 'yjs';
import { canonicalJson, materialiseDocument, UnmaterialisableDocumentError } from '@yhteispaja/model';
import type { Logger } from '../logger.ts';
import type { ActorId, Checkpoint, CheckpointReason, CheckpointStore } from '../storage/history-ports.ts';
import { checkpointsToThin, defaultCheckpointRetention, type CheckpointRetention } from './checkpoint-retention.ts';

/** When a live document takes automatic checkpoints, and how long they are kept. */
export interface HistoryOptions {
  /** A checkpoint is taken once changes have gone on this long since the last one. @default 600000 (ten minutes) */
  intervalMs: number;
  retention: CheckpointRetention;
}

export const defaultHistoryOptions: HistoryOptions = { intervalMs: 10 * 60_000, retention: defaultCheckpointRetention };

/**
 * Automatic checkpoints of one live document: after ten minutes of activity, when the last person
 * leaves, and before a restore. The room calls `checkpoint` from its queue, so the state taken lies
 * between two committed updates; the write and the thinning of old checkpoints run after.
 */
function materialisedOrNull(doc: Y.Doc) {
  try {
    return materialiseDocument(doc);
  } catch (error) {
    if (error instanceof UnmaterialisableDocumentError) return null;
    throw error;
  }
}

export class DocumentHistory {
  private readonly store: CheckpointStore;
  private readonly documentId: string;
  private readonly logger: Logger;
  private readonly options: HistoryOptions;
  /** When the first change since the last checkpoint was committed; undefined when there was none. */
  private dirtySince: number | undefined;

  constructor(store: CheckpointStore, documentId: string, logger: Logger, options: HistoryOptions) {
    this.store = store;
    this.documentId = documentId;
    this.logger = logger;
    this.options = options;
  }

  /** Note a committed change; true when changes have gone on long enough for a checkpoint. */
  changed(now = Date.now()): boolean {
    this.dirtySince ??= now;
    return now - this.dirtySince >= this.options.intervalMs;
  }

  /** Whether anything changed since the last checkpoint. */
  get dirty(): boolean {
    return this.dirtySince !== undefined;
  }

  /** Take a checkpoint of `doc` as it is at this moment (call between two updates). */
  async checkpoint(doc: Y.Doc, reason: CheckpointReason, createdBy: ActorId | null): Promise<Checkpoint | undefined> {
    const createdAt = Date.now();
    this.dirtySince = undefined;
    try {
      const state = Y.encodeStateAsUpdate(doc);
      // A document with no known type (hostile, or of a newer version) still gets its state kept.
      const content = canonicalJson(materialisedOrNull(doc));
      const checkpoint = await this.store.create({ documentId: this.documentId, createdAt, reason, createdBy, state, content });
      const thin = checkpointsToThin(await this.store.list(this.documentId), createdAt, this.options.retention);
      if (thin.length > 0) await this.store.delete(thin);
      return checkpoint;
    } catch (error) {
      this.logger.warn({ err: error, documentId: this.documentId, reason }, 'could not store a checkpoint');
      return undefined;
    }
  }
}
