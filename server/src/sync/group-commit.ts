import type { UpdateLog } from '../storage/ports.ts';

interface Entry {
  documentId: string;
  update: Uint8Array;
}

interface Waiting {
  entries: readonly Entry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for every room of this process: the updates handed in during one event-loop turn,
 * or while the previous commit is in flight, go to the store in one transaction (one fsync), and
 * each caller's promise resolves only once that transaction has committed. Callers apply, relay
 * and acknowledge after that, so the durability contract is the same as for a single append.
 */
export class GroupCommit {
  private readonly log: UpdateLog;
  private waiting: Waiting[] = [];
  private inFlight = false;
  private scheduled = false;

  constructor(log: UpdateLog) {
    this.log = log;
  }

  /** Resolves when `entries` are committed (in this order, after everything handed in before). */
  append(entries: readonly Entry[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ entries, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.inFlight || this.scheduled) return;
    this.scheduled = true;
    // setImmediate runs after the I/O callbacks of this turn: every socket's frames join in.
    setImmediate(() => {
      this.scheduled = false;
      void this.commit();
    });
  }

  private async commit(): Promise<void> {
    const group = this.waiting;
    this.waiting = [];
    if (group.length === 0) return;
    this.inFlight = true;
    try {
      await this.log.appendMany(group.flatMap((waiting) => waiting.entries));
      for (const waiting of group) waiting.resolve();
    } catch (error) {
      if (group.length === 1) group[0]!.reject(error);
      // One bad entry (say, of a document deleted meanwhile) must not fail other rooms: retry each alone.
      else for (const waiting of group) await this.log.appendMany(waiting.entries).then(waiting.resolve, waiting.reject);
    } finally {
      this.inFlight = false;
      if (this.waiting.length > 0) this.schedule();
    }
  }
}
