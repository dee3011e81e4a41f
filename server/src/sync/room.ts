import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { currentSchemaVersion, migrateDocument, openHistory, readMeta } from '@yhteispaja/model';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import type { UpdateLog } from '../storage/ports.ts';
import { systemActor, type ActorId, type AttributionStore, type Checkpoint, type CheckpointReason, type CheckpointStore } from '../storage/history-ports.ts';
import { DocumentHistory, defaultHistoryOptions, type HistoryOptions } from './history.ts';
import { DocumentAttribution } from './attribution.ts';
import { Connection } from './connection.ts';
import type { SyncHealth } from './health.ts';
import * as frames from './messages.ts';
import type { GroupCommit } from './group-commit.ts';
import { commitBatch, defaultPipeline, receiveFrame, type SyncPipeline, type UpdateContext } from './pipeline/index.ts';
import { Relay } from './relay.ts';
import { remoteOrigin } from './origins.ts';
import { purgeRoom } from './purge-room.ts';

export { MalformedMessageError } from './pipeline/index.ts';
export { remoteOrigin } from './origins.ts';

/** Where a room sends what its own clients changed, for other instances (a no-op with one instance). */
export interface RoomChannel {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
}

/** What a room needs besides its document id. */
export interface RoomDeps {
  log: UpdateLog;
  /** Commits the updates of one turn, of every room, in one transaction. */
  groupCommit: GroupCommit;
  /** Which user each client id belongs to, and who deleted what (stored beside the log). */
  attribution: AttributionStore;
  /** Automatic checkpoints of the document, and when to take and thin them. */
  checkpoints: CheckpointStore;
  history?: HistoryOptions;
  logger: Logger;
  metrics: SyncMetrics;
  channel: RoomChannel;
  /** Updates that would take the stored document past this many bytes are refused. */
  maxDocumentBytes: number;
  /** Longest awareness state (its JSON text) a client may announce. */
  maxAwarenessBytes: number;
  /** Shared types may nest this deep; deeper updates are refused, deeper stored history is quarantined. */
  maxDepth: number;
  health: SyncHealth;
  /** The steps every frame goes through; `defaultPipeline` unless a test or extension says otherwise. */
  pipeline?: SyncPipeline;
}


/**
 * One live document: its Y.Doc, awareness and sockets. Frames go through the sync pipeline
 * (pipeline/index.ts); document updates are committed one at a time through this room's queue:
 * stored, then applied, relayed and acknowledged. The in-memory doc therefore never holds anything
 * the store lacks, and the order in memory is the order in the log.
 */
export class Room {
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  /** Which connection announced each awareness client id first ('remote': a socket on another instance). */
  readonly awarenessOwners = new Map<number, Connection | 'remote'>();
  readonly deps: RoomDeps;
  private readonly pipeline: SyncPipeline;
  private queue: Promise<void> = Promise.resolve();
  /** Updates waiting for the next batch, and whether that batch is already in the queue. */
  private pendingUpdates: UpdateContext[] = [];
  private batchQueued = false;
  private readonly relay: Relay;
  /** Updates appended since the log was last merged into one state. */
  appendedSinceCompaction = 0;
  private compacting = false;
  /** Bytes the document takes in the store: loaded state and tail, plus what was appended since. */
  storedBytes = 0;
  /** Who made what in this document (the attribute step claims client ids through it). */
  readonly attribution: DocumentAttribution;
  /** Automatic checkpoints (the checkpoint step and leaving take them through it). */
  readonly history: DocumentHistory;
  /** Who the server change being applied is made for (credited with its deletions). */
  private serverActor: ActorId = systemActor;
  /**
   * Stored parts that could not be applied when the document loaded. They stay in the store for
   * an operator (compaction is off for this document), and every later read of the store skips them.
   */
  readonly quarantined: Uint8Array[] = [];

  private constructor(documentId: string, deps: RoomDeps, doc: Y.Doc) {
    this.documentId = documentId;
    this.doc = doc;
    this.deps = deps;
    this.pipeline = deps.pipeline ?? defaultPipeline;
    this.attribution = new DocumentAttribution(deps.attribution, documentId, deps.logger);
    this.history = new DocumentHistory(deps.checkpoints, documentId, deps.logger, deps.history ?? defaultHistoryOptions);
    // Yjs deletions name no author: note who made each one (a client's update, or a server change).
    this.doc.on('afterTransaction', (transaction: Y.Transaction) => {
      const origin = transaction.origin;
      const actor = origin instanceof Connection ? origin.userId : origin === 'server' ? this.serverActor : undefined;
      if (actor) this.attribution.deleted(transaction.deleteSet, actor);
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.relay = new Relay(this.connections, this.awareness);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.relay.update(update, origin));
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin instanceof Connection) {
        for (const id of [...added, ...updated]) {
          const previous = this.awarenessOwners.get(id);
          if (previous instanceof Connection && previous !== origin) previous.awarenessClients.delete(id);
          this.awarenessOwners.set(id, origin);
          origin.awarenessClients.add(id);
        }
        for (const id of removed) origin.awarenessClients.delete(id);
      } else if (origin === remoteOrigin) {
        for (const id of [...added, ...updated]) if (!this.awarenessOwners.has(id)) this.awarenessOwners.set(id, 'remote');
      }
      for (const id of removed) {
        const owner = this.awarenessOwners.get(id);
        if (owner instanceof Connection) owner.awarenessClients.delete(id);
        this.awarenessOwners.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      this.relay.awarenessChanged(changed);
      // Each instance times out stale states by itself, so only real changes cross instances.
      if (origin !== remoteOrigin && origin !== 'timeout') {
        deps.channel.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      }
    });
  }

  /**
   * Load a document from its compacted state plus the tail of its log. A stored part that cannot
   * be applied (it overflows the stack, or nests deeper than allowed) is left out and the document
   * opens from the rest: flagged to operators, never unopenable.
   */
  static async load(documentId: string, deps: RoomDeps): Promise<Room> {
    const stored = await deps.log.load(documentId);
    const parts = stored.state ? [stored.state, ...stored.updates] : stored.updates;
    const opened = openHistory(parts, deps.maxDepth);
    const room = new Room(documentId, deps, opened.doc);
    room.storedBytes = byteLength(parts);
    room.appendedSinceCompaction = stored.updates.length;
    if (opened.quarantined.length > 0) {
      for (const index of opened.quarantined) room.quarantined.push(parts[index]!);
      deps.health.markQuarantined(documentId);
      deps.metrics.quarantined.inc(opened.quarantined.length);
      deps.logger.error(
        { documentId, quarantined: opened.quarantined.length, parts: parts.length },
        'document opened without stored parts that could not be applied; they stay in the store, compaction is off',
      );
    }
    // Documents of an older layout are upgraded as they load, before anyone sees them.
    const meta = readMeta(room.doc);
    if (meta && meta.schemaVersion < currentSchemaVersion[meta.type]) {
      await room.applyServerChange((doc) => migrateDocument(doc));
      deps.logger.info({ documentId, type: meta.type, from: meta.schemaVersion }, 'migrated document');
    }
    return room;
  }

  /** Whether `part` is one of the stored parts this room left out when it loaded. */
  isQuarantined(part: Uint8Array): boolean {
    return this.quarantined.some((bad) => Buffer.compare(bad, part) === 0);
  }

  /** Re-read the store after fan-out messages may have been lost; applying known updates again is a no-op. */
  async catchUp(): Promise<void> {
    const stored = await this.deps.log.load(this.documentId);
    const parts = stored.state ? [stored.state, ...stored.updates] : stored.updates;
    this.storedBytes = byteLength(parts);
    for (const part of parts) {
      if (this.isQuarantined(part)) continue;
      try {
        Y.applyUpdate(this.doc, part, remoteOrigin);
      } catch (error) {
        this.deps.logger.error({ err: error, documentId: this.documentId }, 'skipped a stored update that failed to apply');
      }
    }
  }

  /** An update another instance stored: apply and relay to this instance's sockets. */
  applyRemoteUpdate(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, remoteOrigin);
    } catch (error) {
      this.deps.logger.warn({ err: error, documentId: this.documentId }, 'ignored a remote update that failed to apply');
    }
  }

  applyRemoteAwareness(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, remoteOrigin);
    } catch (error) {
      this.deps.logger.warn({ err: error, documentId: this.documentId }, 'ignored a malformed remote awareness update');
    }
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    this.relay.joined(connection);
    connection.send(frames.syncStep1(this.doc));
    if (connection.readOnly) this.tellReadOnly(connection);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(frames.awarenessUpdate(this.awareness, states));
  }

  /** Remove a connection and its presence; false if it was not (or no longer) in the room. */
  leave(connection: Connection): boolean {
    if (!this.connections.delete(connection)) return false;
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
    // Ids it announced and then cleared itself (state null) are free again too.
    for (const [id, owner] of this.awarenessOwners) if (owner === connection) this.awarenessOwners.delete(id);
    return true;
  }

  /**
   * A change made by the server itself (an import, a migration) goes the way a client's update
   * does: made on a copy, stored, then applied, relayed and published, so the in-memory doc still
   * holds nothing the store lacks. Its new client ids are credited to `actor`. Resolves with what
   * `change` returned.
   */
  applyServerChange<T>(change: (doc: Y.Doc) => T, actor: ActorId = systemActor): Promise<T> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        try {
          const scratch = new Y.Doc({ gc: false });
          Y.applyUpdate(scratch, Y.encodeStateAsUpdate(this.doc));
          const before = Y.encodeStateVector(scratch);
          const result = change(scratch);
          const update = Y.encodeStateAsUpdate(scratch, before);
          scratch.destroy();
          if (Y.parseUpdateMeta(update).to.size > 0 || hasDeletions(update)) {
            // The change's client ids are fresh and the actor's (the server never forges: no verdict to heed).
            await this.attribution.claim(this.doc, update, actor);
            await this.deps.log.append(this.documentId, update);
            this.storedBytes += update.byteLength;
            this.serverActor = actor;
            Y.applyUpdate(this.doc, update, 'server');
            this.serverActor = systemActor;
            this.history.changed();
            this.deps.channel.publishUpdate(update);
          }
          resolve(result);
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  /** Handle one binary frame; throws MalformedMessageError for frames that are not ours to accept. */
  receive(connection: Connection, frame: Uint8Array): void {
    receiveFrame(this.pipeline, this, connection, frame);
  }

  private lastCompactionAt = 0;
  /** Near the ceiling, compactions are at least this far apart: each encodes the whole document. */
  static compactionPauseMs = 30_000;

  /** Compact now unless one ran within `compactionPauseMs` (used near the size ceiling). */
  compactSoon(): void {
    if (Date.now() - this.lastCompactionAt < Room.compactionPauseMs) return;
    this.compactInBackground();
  }

  /** Merge the log into one state in the store, beside editing: the queue does not wait for it. */
  compactInBackground(): void {
    // Compaction would merge the quarantined parts back into the state; leave them for an operator.
    if (this.compacting || this.quarantined.length > 0) return;
    this.compacting = true;
    this.lastCompactionAt = Date.now();
    this.appendedSinceCompaction = 0;
    const { log, metrics, logger } = this.deps;
    log
      .compact(this.documentId, compactUpdates)
      .then(() => {
        metrics.compactions.inc({ result: 'ok' });
        // Roughly what the store now holds: the merged state (the tail appended meanwhile is small).
        this.storedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
      })
      .catch((error: unknown) => {
        metrics.compactions.inc({ result: 'failed' });
        logger.warn({ err: error, documentId: this.documentId }, 'compaction failed; will retry');
      })
      .finally(() => {
        this.compacting = false;
      });
  }

  /**
   * Checkpoint the document at the next queue boundary: when the last person has left (only if
   * anything changed) or before a restore (always). Resolves with the checkpoint, if one was taken.
   */
  checkpointNow(reason: CheckpointReason, createdBy: ActorId | null): Promise<Checkpoint | undefined> {
    return new Promise((resolve) => {
      this.enqueue(async () => {
        resolve(reason === 'left' && !this.history.dirty ? undefined : await this.history.checkpoint(this.doc, reason, createdBy));
      });
    });
  }

  /** Remove every occurrence of `text` from the document and its stored history (see purge-room.ts). */
  purge(text: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.enqueue(() => purgeRoom(this, text).then(resolve, reject));
    });
  }

  /**
   * Add a document update (past the receive steps) to the room's next batch. The batch waits one
   * turn (setImmediate: every socket's frames of this turn join it) or until the previous batch is
   * done, then goes through the commit steps in the queue, its relay held until the end.
   */
  submit(context: UpdateContext): void {
    this.pendingUpdates.push(context);
    if (this.batchQueued) return;
    this.batchQueued = true;
    this.enqueue(async () => {
      await new Promise((resolve) => setImmediate(resolve));
      this.batchQueued = false;
      const batch = this.pendingUpdates;
      this.pendingUpdates = [];
      this.relay.hold();
      try {
        await commitBatch(this.pipeline, batch);
      } finally {
        this.relay.release();
      }
    });
  }

  /** Run `task` after every task queued before it; a failure is logged and does not stop the queue. */
  enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(() =>
      task().catch((error: unknown) => this.deps.logger.error({ err: error, documentId: this.documentId }, 'update task failed')),
    );
  }

  /** Resolves when every update received so far is stored and applied. */
  async flush(): Promise<void> {
    await this.queue;
    await this.attribution.flush();
  }

  /** Tell a connection once that its updates are dropped. */
  tellReadOnly(connection: Connection): void {
    if (connection.toldReadOnly) return;
    connection.toldReadOnly = true;
    connection.send(frames.readOnlyNotice());
  }

  destroy(): void {
    this.relay.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function byteLength(parts: readonly Uint8Array[]): number {
  return parts.reduce((sum, part) => sum + part.byteLength, 0);
}

/**
 * Fold a document's stored state and updates into one state by loading them into a Y.Doc and
 * encoding it: linear in the log, where `Y.mergeUpdates` over a long log of small updates does not
 * finish in minutes (the B4 trace). Deleted content is garbage-collected, as in the live doc.
 */
export function compactUpdates(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of updates) Y.applyUpdate(doc, update);
    });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Whether an update deletes anything (a pure deletion adds no structs, so its state vector does not move). */
function hasDeletions(update: Uint8Array): boolean {
  return Y.decodeUpdate(update).ds.clients.size > 0;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}
