import * as Y from 'yjs';

export interface SaveTrackerOptions {
  /** True for updates that came from the server (the provider's own origin). */
  isRemote: (origin: unknown) => boolean;
  /** True while the provider sends local updates straight to the server (socket open). */
  isSending: () => boolean;
  /** Called whenever `pending` flips. */
  onChange: () => void;
}

/**
 * Knows whether this browser's edits are durable on the server.
 *
 * The server acknowledges with its state vector after committing each update a client sends
 * (`messageType.persistedAck`). An edit is saved once, for every client id this browser has
 * written with, the acknowledged clock is at least the local clock of that id.
 *
 * A state vector only counts inserted content: an edit that only deletes (Backspace, removing
 * a row) leaves every clock where it was. So two more things keep `pending` true:
 * - updates sent on the open socket and not yet acknowledged (the server acknowledges every
 *   update in the order it received them), and
 * - a delete-only edit made while disconnected, until the first acknowledgement on the next
 *   connection (the sync reply that carries it).
 */
export class SaveTracker {
  readonly #doc: Y.Doc;
  readonly #options: SaveTrackerOptions;
  /** Client ids this browser wrote with (Yjs may change `doc.clientID` on a collision). */
  readonly #written = new Set<number>();
  readonly #acked = new Map<number, number>();
  #inFlight = 0;
  #offlineDeletes = false;
  #pending = false;

  constructor(doc: Y.Doc, options: SaveTrackerOptions) {
    this.#doc = doc;
    this.#options = options;
    doc.on('update', this.#onUpdate);
  }

  /** True while some local edit has not been acknowledged as stored. */
  get pending(): boolean {
    return this.#pending;
  }

  /** Feed a `persistedAck` payload: the server's state vector after a commit. */
  acknowledge(stateVector: Map<number, number>): void {
    for (const [client, clock] of stateVector) {
      if (clock > (this.#acked.get(client) ?? 0)) this.#acked.set(client, clock);
    }
    if (this.#inFlight > 0) this.#inFlight--;
    this.#offlineDeletes = false;
    this.#recompute();
  }

  /**
   * The socket opened or closed: what was in flight on the old one is either stored or will be
   * sent again in the next connection's sync reply, which the state vector rule then covers.
   */
  connectionChanged(): void {
    this.#inFlight = 0;
    this.#recompute();
  }

  /** Nothing this connection sends will be stored (read-only): stop waiting for acknowledgements. */
  discardInFlight(): void {
    this.#inFlight = 0;
    this.#recompute();
  }

  destroy(): void {
    this.#doc.off('update', this.#onUpdate);
  }

  #onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (this.#options.isRemote(origin)) return;
    const client = this.#doc.clientID;
    this.#written.add(client);
    if (this.#options.isSending()) {
      this.#inFlight++;
    } else if ((transaction.afterState.get(client) ?? 0) === (transaction.beforeState.get(client) ?? 0)) {
      this.#offlineDeletes = true;
    }
    this.#recompute();
  };

  #recompute(): void {
    let pending = this.#inFlight > 0 || this.#offlineDeletes;
    for (const client of this.#written) {
      if (pending) break;
      if ((this.#acked.get(client) ?? 0) < Y.getState(this.#doc.store, client)) pending = true;
    }
    if (pending !== this.#pending) {
      this.#pending = pending;
      this.#options.onChange();
    }
  }
}
