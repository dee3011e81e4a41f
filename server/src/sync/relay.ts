import type * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { Connection } from './connection.ts';
import * as frames from './messages.ts';

/**
 * Merged broadcast: what a room applies during one event-loop turn (or one group commit) goes out
 * as one update frame per connection (`Y.mergeUpdates` over that batch only, never the whole
 * log), and the awareness changes of the turn as one awareness frame. A hot room thus sends a
 * few frames per turn instead of one per keystroke per connection.
 */
export class Relay {
  private updates: Uint8Array[] = [];
  private origins = new Set<unknown>();
  private readonly awarenessClients = new Set<number>();
  /** Connections that joined after the pending updates were applied: their sync step 2 has them. */
  private readonly joinedSince = new Set<Connection>();
  private holds = 0;
  private scheduled = false;
  private destroyed = false;
  private readonly connections: Set<Connection>;
  private readonly awareness: awarenessProtocol.Awareness;

  constructor(connections: Set<Connection>, awareness: awarenessProtocol.Awareness) {
    this.connections = connections;
    this.awareness = awareness;
  }

  /** An update the room's doc applied; `origin` is the sending connection, if any. */
  update(update: Uint8Array, origin: unknown): void {
    this.updates.push(update);
    this.origins.add(origin);
    this.schedule();
  }

  /** A connection joined: it gets the whole doc by sync step 2, so the pending updates skip it. */
  joined(connection: Connection): void {
    if (this.updates.length > 0) this.joinedSince.add(connection);
  }

  awarenessChanged(clients: readonly number[]): void {
    for (const client of clients) this.awarenessClients.add(client);
    this.schedule();
  }

  /** Hold frames back while a batch is applied; the last release sends them. */
  hold(): void {
    this.holds++;
  }

  release(): void {
    if (--this.holds === 0) this.flush();
  }

  destroy(): void {
    this.destroyed = true;
  }

  private schedule(): void {
    if (this.scheduled || this.holds > 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.holds === 0) this.flush();
    });
  }

  private flush(): void {
    if (this.destroyed) return;
    if (this.updates.length > 0) {
      const updates = this.updates;
      const origins = this.origins;
      this.updates = [];
      this.origins = new Set();
      const frame = frames.syncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
      // The one sender of the batch does not get its own changes back; with several senders
      // everyone gets the one merged frame (its own part is a no-op for a Yjs client).
      const [only] = origins;
      const skip = origins.size === 1 && only instanceof Connection ? only : undefined;
      for (const connection of this.connections) if (connection !== skip && !this.joinedSince.has(connection)) connection.send(frame);
      this.joinedSince.clear();
    }
    if (this.awarenessClients.size > 0) {
      const frame = frames.awarenessUpdate(this.awareness, [...this.awarenessClients]);
      this.awarenessClients.clear();
      for (const connection of this.connections) connection.send(frame);
    }
  }
}
