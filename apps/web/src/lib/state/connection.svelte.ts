export type ConnectionState = 'connecting' | 'connected' | 'offline';
export type SaveState = 'saved' | 'saving' | 'offline';
/** Why the server ended the connection for good (it will not reconnect by itself). */
export type ClosedReason = 'unauthorized' | 'forbidden' | 'other';

/** Connection and save state of one open document, as the status line shows it. */
export class ConnectionStatus {
  connection = $state<ConnectionState>('connecting');
  /** Local edits the server has not acknowledged as stored. */
  pending = $state(false);
  /** The server said this connection is read-only (observer). */
  readOnly = $state(false);
  closed = $state<ClosedReason | null>(null);

  save: SaveState = $derived(this.connection === 'offline' ? 'offline' : this.pending ? 'saving' : 'saved');

  /** Leaving now would lose or risk edits. */
  unsaved: boolean = $derived(this.pending);
}
