import * as Y from 'yjs';
import type { Logger } from '../logger.ts';
import type { ActorId, AttributionStore, DeletionRange } from '../storage/history-ports.ts';

/** Deletions are written in the background, batched: at most this long after they were applied. */
const deletionFlushMs = 250;

/** One update may bring structs of this many new client ids (a client's offline sessions merged); more looks forged. */
export const maxNewClientsPerUpdate = 256;

/**
 * Who made what in one live document. Before an update is stored, the client ids of the structs
 * it adds are claimed for the sender (once per id: the owners are cached); after it is applied,
 * what it deleted is recorded for the sender. The first owner of a client id keeps it: an update
 * adding structs under an id another user owns is a forgery (or a replay) and is refused whole,
 * so nobody can make new content appear under someone else's name.
 */
export class DocumentAttribution {
  private readonly store: AttributionStore;
  private readonly documentId: string;
  private readonly logger: Logger;
  private readonly owners = new Map<number, ActorId>();
  private pending: { ranges: DeletionRange[]; userId: ActorId; at: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(store: AttributionStore, documentId: string, logger: Logger) {
    this.store = store;
    this.documentId = documentId;
    this.logger = logger;
  }

  /**
   * Claim the client ids under which `update` adds structs `doc` lacks. Resolves false when one
   * of them belongs to another user (the claim is recorded as a conflict); the caller refuses it.
   */
  async claim(doc: Y.Doc, update: Uint8Array, userId: ActorId): Promise<boolean> {
    const clients = newStructClients(update, doc);
    if (clients.length > maxNewClientsPerUpdate) {
      this.logger.warn({ documentId: this.documentId, userId, clients: clients.length }, 'refused an update with too many new client ids');
      return false;
    }
    const unknown = clients.filter((client) => !this.owners.has(client));
    if (unknown.length > 0) {
      const owners = await this.store.claim(this.documentId, unknown, userId, Date.now());
      for (const [client, owner] of owners) this.owners.set(client, owner);
    }
    const forged = clients.filter((client) => this.owners.get(client) !== userId);
    if (forged.length > 0) {
      // Already-known owners are checked from the cache; record the conflict all the same.
      const known = forged.filter((client) => !unknown.includes(client));
      if (known.length > 0) await this.store.claim(this.documentId, known, userId, Date.now());
      this.logger.warn({ documentId: this.documentId, userId, clients: forged }, 'refused an update under client ids owned by another user');
      return false;
    }
    return true;
  }

  /** Note what a transaction deleted, for the user who made it; written shortly after. */
  deleted(deleteSet: Y.Transaction['deleteSet'], userId: ActorId): void {
    const ranges: DeletionRange[] = [];
    for (const [clientId, items] of deleteSet.clients) for (const item of items) ranges.push({ clientId, clock: item.clock, length: item.len });
    if (ranges.length === 0) return;
    this.pending.push({ ranges, userId, at: Date.now() });
    this.timer ??= setTimeout(() => void this.flush(), deletionFlushMs);
  }

  /** Write the deletions noted so far; resolves when they are stored. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      // One write per user for the whole batch, stamped with its last time.
      const byUser = new Map<ActorId, { ranges: DeletionRange[]; at: number }>();
      for (const { ranges, userId, at } of batch) {
        const entry = byUser.get(userId) ?? { ranges: [], at };
        entry.ranges.push(...ranges);
        entry.at = at;
        byUser.set(userId, entry);
      }
      for (const [userId, { ranges, at }] of byUser) {
        await this.store.recordDeletions(this.documentId, ranges, userId, at).catch((error: unknown) => {
          this.logger.warn({ err: error, documentId: this.documentId }, 'could not record who deleted what');
        });
      }
    });
    return this.writing;
  }
}

/** Client ids under which `update` adds structs `doc` does not have yet. */
export function newStructClients(update: Uint8Array, doc: Y.Doc): number[] {
  const { to } = Y.parseUpdateMeta(update);
  return [...to].filter(([client, clock]) => clock > Y.getState(doc.store, client)).map(([client]) => client);
}
