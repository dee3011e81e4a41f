import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { closeCode, currentSchemaVersion, messageType, migrateDocument, readMeta, removeTextEverywhere } from '@yhteispaja/model';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import type { UpdateLog } from '../storage/ports.ts';

/** Where a room sends what its own clients changed, for other instances (a no-op with one instance). */
export interface RoomChannel {
  publishUpdate(update: Uint8Array): void;
  publishAwareness(update: Uint8Array): void;
}

/** What a room needs besides its document id. */
export interface RoomDeps {
  log: UpdateLog;
  logger: Logger;
  metrics: SyncMetrics;
  channel: RoomChannel;
  /** Updates that would take the stored document past this many bytes are refused. */
  maxDocumentBytes: number;
}

/** Origin of changes that came from another instance: relayed to local sockets, never published back. */
export const remoteOrigin = Symbol('remote');
import { Connection } from './connection.ts';
import * as frames from './messages.ts';

/** Merge the log into one state after this many appended updates. */
const compactEvery = 500;

export class MalformedMessageError extends Error {}

/**
 * One live document: its Y.Doc, awareness and sockets. Every incoming update goes through
 * one queue per room: validated, appended to the store (committed), applied to the doc,
 * and only then relayed and acknowledged. The in-memory doc therefore never holds anything
 * the store lacks, and the order in memory is the order in the log.
 */
export class Room {
  readonly documentId: string;
  readonly doc = new Y.Doc();
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Set<Connection>();
  private readonly log: UpdateLog;
  private readonly logger: Logger;
  private readonly metrics: SyncMetrics;
  private readonly channel: RoomChannel;
  private queue: Promise<void> = Promise.resolve();
  private appendedSinceCompaction = 0;
  private compacting = false;
  /** Bytes the document takes in the store: loaded state and tail, plus what was appended since. */
  private storedBytes = 0;
  private readonly maxDocumentBytes: number;

  private constructor(documentId: string, deps: RoomDeps) {
    this.documentId = documentId;
    this.log = deps.log;
    this.logger = deps.logger;
    this.metrics = deps.metrics;
    this.channel = deps.channel;
    this.maxDocumentBytes = deps.maxDocumentBytes;
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // The server is not a participant: it has no awareness state of its own.
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const frame = frames.syncUpdate(update);
      for (const connection of this.connections) if (connection !== origin) connection.send(frame);
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      if (origin instanceof Connection) {
        for (const id of [...added, ...updated]) origin.awarenessClients.add(id);
        for (const id of removed) origin.awarenessClients.delete(id);
      }
      const changed = [...added, ...updated, ...removed];
      const frame = frames.awarenessUpdate(this.awareness, changed);
      for (const connection of this.connections) connection.send(frame);
      // Each instance times out stale states by itself, so only real changes cross instances.
      if (origin !== remoteOrigin && origin !== 'timeout') {
        this.channel.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      }
    });
  }

  /** Load a document from its compacted state plus the tail of its log. */
  static async load(documentId: string, deps: RoomDeps): Promise<Room> {
    const room = new Room(documentId, deps);
    room.appendedSinceCompaction = await room.applyStored();
    // Documents of an older layout are upgraded as they load, before anyone sees them.
    const meta = readMeta(room.doc);
    if (meta && meta.schemaVersion < currentSchemaVersion[meta.type]) {
      await room.applyServerChange((doc) => migrateDocument(doc));
      deps.logger.info({ documentId, type: meta.type, from: meta.schemaVersion }, 'migrated document');
    }
    return room;
  }

  /** Apply the stored state and updates; returns how many updates lie past the compacted state. */
  private async applyStored(): Promise<number> {
    const stored = await this.log.load(this.documentId);
    const parts = stored.state ? [stored.state, ...stored.updates] : stored.updates;
    this.storedBytes = parts.reduce((sum, part) => sum + part.byteLength, 0);
    this.doc.transact(() => {
      for (const update of parts) {
        try {
          Y.applyUpdate(this.doc, update);
        } catch (error) {
          // A stored update that no longer applies must not make the whole document unloadable.
          this.logger.error({ err: error, documentId: this.documentId }, 'skipped a stored update that failed to apply');
        }
      }
    }, remoteOrigin);
    return stored.updates.length;
  }

  /** Re-read the store after fan-out messages may have been lost; applying known updates again is a no-op. */
  async catchUp(): Promise<void> {
    await this.applyStored();
  }

  /** An update another instance stored: apply and relay to this instance's sockets. */
  applyRemoteUpdate(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, remoteOrigin);
    } catch (error) {
      this.logger.warn({ err: error, documentId: this.documentId }, 'ignored a remote update that failed to apply');
    }
  }

  applyRemoteAwareness(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, remoteOrigin);
    } catch (error) {
      this.logger.warn({ err: error, documentId: this.documentId }, 'ignored a malformed remote awareness update');
    }
  }

  join(connection: Connection): void {
    this.connections.add(connection);
    connection.send(frames.syncStep1(this.doc));
    if (connection.readOnly) this.tellReadOnly(connection);
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) connection.send(frames.awarenessUpdate(this.awareness, states));
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return;
    if (connection.awarenessClients.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessClients], null);
    }
  }

  /**
   * A change made by the server itself (an import, a migration) goes the way a client's update
   * does: made on a copy, stored, then applied, relayed and published, so the in-memory doc still
   * holds nothing the store lacks. Resolves with what `change` returned.
   */
  applyServerChange<T>(change: (doc: Y.Doc) => T): Promise<T> {
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
            await this.log.append(this.documentId, update);
            this.storedBytes += update.byteLength;
            Y.applyUpdate(this.doc, update, 'server');
            this.channel.publishUpdate(update);
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
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      if (type === messageType.sync) this.receiveSync(connection, decoder);
      else if (type === messageType.awareness) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), connection);
      } else if (type === messageType.queryAwareness) {
        connection.send(frames.awarenessUpdate(this.awareness, [...this.awareness.getStates().keys()]));
      } else throw new MalformedMessageError(`unknown message type ${type}`);
    } catch (error) {
      if (error instanceof MalformedMessageError) throw error;
      throw new MalformedMessageError(error instanceof Error ? error.message : String(error));
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const kind = decoding.readVarUint(decoder);
    if (kind === syncProtocol.messageYjsSyncStep1) {
      connection.send(frames.syncStep2(this.doc, decoding.readVarUint8Array(decoder)));
      return;
    }
    if (kind !== syncProtocol.messageYjsSyncStep2 && kind !== syncProtocol.messageYjsUpdate) {
      throw new MalformedMessageError(`unknown sync message ${kind}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    if (connection.readOnly) {
      this.metrics.refused.inc({ reason: 'read-only' });
      this.tellReadOnly(connection);
      return;
    }
    // Parse before storing: a malformed update must never reach the log.
    Y.decodeUpdate(update);
    if (this.storedBytes + update.byteLength > this.maxDocumentBytes) {
      this.metrics.refused.inc({ reason: 'document-too-large' });
      connection.send(frames.documentTooLarge(this.maxDocumentBytes));
      return;
    }
    this.enqueue(() => this.persistAndApply(connection, update));
  }

  private async persistAndApply(connection: Connection, update: Uint8Array): Promise<void> {
    // A socket that failed an earlier write is closed; its later updates depend on the lost one.
    if (!connection.open) return;
    const stopTimer = this.metrics.storeLatency.startTimer();
    try {
      await this.log.append(this.documentId, update);
      stopTimer();
      this.storedBytes += update.byteLength;
    } catch (error) {
      this.logger.error({ err: error, documentId: this.documentId }, 'could not store an update; closing the sender');
      connection.close(closeCode.storeUnavailable, 'store unavailable');
      return;
    }
    Y.applyUpdate(this.doc, update, connection);
    this.metrics.updates.inc();
    this.metrics.updateBytes.inc(update.byteLength);
    this.channel.publishUpdate(update);
    if (connection.wantsAcks) connection.send(frames.persistedAck(Y.encodeStateVector(this.doc)));
    if (++this.appendedSinceCompaction >= compactEvery) this.compactInBackground();
  }

  /** Merge the log into one state in the store, beside editing: the queue does not wait for it. */
  private compactInBackground(): void {
    if (this.compacting) return;
    this.compacting = true;
    this.appendedSinceCompaction = 0;
    this.log
      .compact(this.documentId, Y.mergeUpdates)
      .then(() => {
        this.metrics.compactions.inc({ result: 'ok' });
        // Roughly what the store now holds: the merged state (the tail appended meanwhile is small).
        this.storedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
      })
      .catch((error: unknown) => {
        this.metrics.compactions.inc({ result: 'failed' });
        this.logger.warn({ err: error, documentId: this.documentId }, 'compaction failed; will retry');
      })
      .finally(() => {
        this.compacting = false;
      });
  }

  /**
   * Remove every occurrence of `text` from the document and from its stored history: the stored
   * updates are folded into one state without it (garbage-collected, not just hidden). The
   * deletion reaches every client like an edit. Runs in the queue, so no update interleaves.
   */
  purge(text: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.enqueue(async () => {
        const emitted: Uint8Array[] = [];
        const collect = (update: Uint8Array) => emitted.push(update);
        let removed = 0;
        try {
          await this.log.rewrite(this.documentId, (parts) => {
            // Fold in whatever the store has that this room has not seen (another instance's updates).
            for (const part of parts) Y.applyUpdate(this.doc, part, remoteOrigin);
            this.doc.on('update', collect);
            try {
              removed = removeTextEverywhere(this.doc, text);
            } finally {
              this.doc.off('update', collect);
            }
            return Y.encodeStateAsUpdate(this.doc);
          });
        } catch (error) {
          // The doc may hold a deletion the store lacks: make every client sync again.
          for (const connection of this.connections) connection.close(closeCode.storeUnavailable, 'purge failed');
          reject(error);
          return;
        }
        if (emitted.length > 0) this.channel.publishUpdate(Y.mergeUpdates(emitted));
        this.storedBytes = Y.encodeStateAsUpdate(this.doc).byteLength;
        this.appendedSinceCompaction = 0;
        resolve(removed);
      });
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(() =>
      task().catch((error: unknown) => this.logger.error({ err: error, documentId: this.documentId }, 'update task failed')),
    );
  }

  /** Resolves when every update received so far is stored and applied. */
  async flush(): Promise<void> {
    await this.queue;
  }

  private tellReadOnly(connection: Connection): void {
    if (connection.toldReadOnly) return;
    connection.toldReadOnly = true;
    connection.send(frames.readOnlyNotice());
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
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
