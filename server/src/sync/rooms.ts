import type { Fanout } from '../fanout/ports.ts';
import type { Logger } from '../logger.ts';
import type { SyncMetrics } from '../metrics.ts';
import type { UpdateLog } from '../storage/ports.ts';
import type { AttributionStore, CheckpointStore } from '../storage/history-ports.ts';
import type { HistoryOptions } from './history.ts';
import type { Connection } from './connection.ts';
import { SyncHealth } from './health.ts';
import { GroupCommit } from './group-commit.ts';
import { Room } from './room.ts';

/**
 * The rooms in memory, loaded on first connect and unloaded after the last socket has been
 * gone for `idleMs`. A room being unloaded is flushed to the store before the same document
 * may load again, so a reload never misses an update still in the old room's queue.
 */
export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  private readonly bySession = new Map<string, Set<Connection>>();
  private readonly unsubscribers = new Map<Room, () => Promise<void>>();
  private readonly log: UpdateLog;
  /** One group commit for all rooms: updates of one turn share a transaction. */
  private readonly groupCommit: GroupCommit;
  private readonly attribution: AttributionStore;
  private readonly checkpoints: CheckpointStore;
  private readonly history: HistoryOptions | undefined;
  private readonly fanout: Fanout;
  private readonly logger: Logger;
  private readonly metrics: SyncMetrics;
  private readonly idleMs: number;

  private readonly maxDocumentBytes: number;
  private readonly maxDepth: number;
  private readonly maxAwarenessBytes: number;
  readonly health = new SyncHealth();
  private catchUpTimer: NodeJS.Timeout | undefined;

  constructor(
    deps: { log: UpdateLog; attribution: AttributionStore; checkpoints: CheckpointStore; fanout: Fanout; logger: Logger; metrics: SyncMetrics },
    options: { idleMs?: number; maxDocumentBytes: number; maxDepth: number; maxAwarenessBytes?: number; catchUpMs?: number; history?: HistoryOptions },
  ) {
    this.maxDocumentBytes = options.maxDocumentBytes;
    this.maxDepth = options.maxDepth;
    this.maxAwarenessBytes = options.maxAwarenessBytes ?? 4096;
    // An instance that crashed after storing an update but before publishing it leaves the
    // others stale; with several instances, rooms in use re-read the store now and then.
    if (deps.fanout.kind !== 'local' && options.catchUpMs) {
      this.catchUpTimer = setInterval(() => void this.catchUpAll(), options.catchUpMs);
      this.catchUpTimer.unref();
    }
    this.log = deps.log;
    this.groupCommit = new GroupCommit(deps.log);
    this.attribution = deps.attribution;
    this.checkpoints = deps.checkpoints;
    this.history = options.history;
    this.fanout = deps.fanout;
    this.logger = deps.logger;
    this.metrics = deps.metrics;
    this.idleMs = options.idleMs ?? 5_000;
    this.fanout.onReconnect(() => void this.catchUpAll());
  }

  /** Subscribe before loading, so nothing published between the load and the subscription is missed. */
  private async load(documentId: string): Promise<Room> {
    let room: Room | undefined;
    const early: [kind: 'update' | 'awareness', payload: Uint8Array][] = [];
    const unsubscribe = await this.fanout.subscribe(documentId, {
      update: (update) => (room ? room.applyRemoteUpdate(update) : early.push(['update', update])),
      awareness: (update) => (room ? room.applyRemoteAwareness(update) : early.push(['awareness', update])),
    });
    let loaded: Room;
    try {
      loaded = await Room.load(documentId, {
        log: this.log,
        groupCommit: this.groupCommit,
        attribution: this.attribution,
        checkpoints: this.checkpoints,
        ...(this.history ? { history: this.history } : {}),
        logger: this.logger,
        metrics: this.metrics,
        maxDocumentBytes: this.maxDocumentBytes,
        maxDepth: this.maxDepth,
        maxAwarenessBytes: this.maxAwarenessBytes,
        health: this.health,
        channel: {
          publishUpdate: (update) => this.fanout.publishUpdate(documentId, update),
          publishAwareness: (update) => this.fanout.publishAwareness(documentId, update),
        },
      });
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    for (const [kind, payload] of early) {
      if (kind === 'update') loaded.applyRemoteUpdate(payload);
      else loaded.applyRemoteAwareness(payload);
    }
    room = loaded;
    this.unsubscribers.set(loaded, unsubscribe);
    this.metrics.documents.inc();
    return loaded;
  }

  private async catchUpAll(): Promise<void> {
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const result of rooms) {
      if (result.status !== 'fulfilled' || result.value.connections.size === 0) continue;
      await result.value.catchUp().catch((error: unknown) => this.logger.warn({ err: error }, 'catch-up from the store failed'));
    }
  }

  get size(): number {
    return this.rooms.size;
  }

  async acquire(documentId: string): Promise<Room> {
    clearTimeout(this.idleTimers.get(documentId));
    this.idleTimers.delete(documentId);
    await this.unloading.get(documentId);
    const existing = this.rooms.get(documentId);
    if (existing) {
      const room = await existing;
      // An idle room is not caught up periodically; re-read the store before someone uses it again.
      if (room.connections.size === 0 && this.fanout.kind !== 'local') await room.catchUp();
      return room;
    }
    const room = this.load(documentId);
    this.rooms.set(documentId, room);
    room.catch(() => this.rooms.delete(documentId));
    return room;
  }

  /** Use a document's room for a server-side change, loading it if needed and unloading it after if idle. */
  async withRoom<T>(documentId: string, work: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(documentId);
    try {
      return await work(room);
    } finally {
      if (room.connections.size === 0) this.scheduleUnload(room);
    }
  }

  /** Join `connection` to `room`; if the join throws, nothing is counted and the error is the caller's. */
  attach(room: Room, connection: Connection): void {
    try {
      room.join(connection);
    } catch (error) {
      room.connections.delete(connection);
      throw error;
    }
    this.metrics.connections.inc();
    let sockets = this.bySession.get(connection.sessionId);
    if (!sockets) this.bySession.set(connection.sessionId, (sockets = new Set()));
    sockets.add(connection);
  }

  detach(room: Room, connection: Connection): void {
    // A socket whose join failed was never counted: only a real leave moves the gauge.
    if (room.leave(connection)) this.metrics.connections.dec();
    const sockets = this.bySession.get(connection.sessionId);
    sockets?.delete(connection);
    if (sockets?.size === 0) this.bySession.delete(connection.sessionId);
    if (room.connections.size === 0) {
      // The last person left: keep the document as they left it in its history (queued before the unload's flush).
      void room.checkpointNow('left', null);
      this.scheduleUnload(room);
    }
  }

  /** Close every socket on the documents of a workshop. */
  closeWorkshop(workshopId: string, code: number, reason: string): void {
    for (const sockets of this.bySession.values()) {
      for (const connection of sockets) if (connection.workshopId === workshopId) connection.close(code, reason);
    }
  }

  /** Close a user's sockets on the documents of one workshop (membership or role changed). */
  closeUserInWorkshop(userId: string, workshopId: string, code: number, reason: string): void {
    for (const sockets of this.bySession.values()) {
      for (const connection of sockets) {
        if (connection.userId === userId && connection.workshopId === workshopId) connection.close(code, reason);
      }
    }
  }

  /** The users with a socket open on any document of the workshop. */
  usersInWorkshop(workshopId: string): string[] {
    const users = new Set<string>();
    for (const sockets of this.bySession.values()) {
      for (const connection of sockets) if (connection.workshopId === workshopId) users.add(connection.userId);
    }
    return [...users];
  }

  /** Close every socket of a session (sign-out, revocation) with `code`. */
  closeSession(sessionId: string, code: number, reason: string): void {
    for (const connection of this.bySession.get(sessionId) ?? []) connection.close(code, reason);
  }

  private scheduleUnload(room: Room): void {
    clearTimeout(this.idleTimers.get(room.documentId));
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.documentId);
      if (room.connections.size > 0) return;
      this.rooms.delete(room.documentId);
      const done = room
        .flush()
        .then(() => this.unsubscribers.get(room)?.())
        .then(() => {
          this.unsubscribers.delete(room);
          this.metrics.documents.dec();
          room.destroy();
        })
        .finally(() => this.unloading.delete(room.documentId));
      this.unloading.set(room.documentId, done);
    }, this.idleMs);
    timer.unref();
    this.idleTimers.set(room.documentId, timer);
  }

  /** Close every socket with `code` and wait until every received update is stored. */
  async closeAll(code: number, reason: string): Promise<void> {
    clearInterval(this.catchUpTimer);
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const result of rooms) {
      if (result.status !== 'fulfilled') continue;
      for (const connection of result.value.connections) connection.close(code, reason);
    }
    for (const result of rooms) if (result.status === 'fulfilled') await result.value.flush();
    await Promise.allSettled([...this.unloading.values()]);
  }
}
