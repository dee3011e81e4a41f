import type { Logger } from '../logger.ts';
import type { UpdateLog } from '../storage/ports.ts';
import type { Connection } from './connection.ts';
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
  private readonly log: UpdateLog;
  private readonly logger: Logger;
  private readonly idleMs: number;

  constructor(log: UpdateLog, logger: Logger, options: { idleMs?: number } = {}) {
    this.log = log;
    this.logger = logger;
    this.idleMs = options.idleMs ?? 30_000;
  }

  get size(): number {
    return this.rooms.size;
  }

  async acquire(documentId: string): Promise<Room> {
    clearTimeout(this.idleTimers.get(documentId));
    this.idleTimers.delete(documentId);
    await this.unloading.get(documentId);
    let room = this.rooms.get(documentId);
    if (!room) {
      room = Room.load(documentId, this.log, this.logger);
      this.rooms.set(documentId, room);
      room.catch(() => this.rooms.delete(documentId));
    }
    return room;
  }

  attach(room: Room, connection: Connection): void {
    room.join(connection);
    let sockets = this.bySession.get(connection.sessionId);
    if (!sockets) this.bySession.set(connection.sessionId, (sockets = new Set()));
    sockets.add(connection);
  }

  detach(room: Room, connection: Connection): void {
    room.leave(connection);
    const sockets = this.bySession.get(connection.sessionId);
    sockets?.delete(connection);
    if (sockets?.size === 0) this.bySession.delete(connection.sessionId);
    if (room.connections.size === 0) this.scheduleUnload(room);
  }

  /** Close every socket of a session (sign-out, revocation) with `code`. */
  closeSession(sessionId: string, code: number, reason: string): void {
    for (const connection of this.bySession.get(sessionId) ?? []) connection.close(code, reason);
  }

  private scheduleUnload(room: Room): void {
    const timer = setTimeout(() => {
      this.idleTimers.delete(room.documentId);
      if (room.connections.size > 0) return;
      this.rooms.delete(room.documentId);
      const done = room
        .flush()
        .then(() => room.destroy())
        .finally(() => this.unloading.delete(room.documentId));
      this.unloading.set(room.documentId, done);
    }, this.idleMs);
    timer.unref();
    this.idleTimers.set(room.documentId, timer);
  }

  /** Close every socket with `code` and wait until every received update is stored. */
  async closeAll(code: number, reason: string): Promise<void> {
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
