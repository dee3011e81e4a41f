import * as Y from 'yjs';

/**
 * What a later page load needs to know to stay truthful about edits that are already in the
 * document (read back from this browser's local copy): kept beside the local copy.
 */
export interface SavedState {
  /** Per client id, the clock up to which the server is known to hold that client's content. */
  confirmed: Map<number, number>;
  /** Some edit that only deletes has not been acknowledged by the server yet. */
  unconfirmedDeletes: boolean;
}

export function emptySavedState(): SavedState {
  return { confirmed: new Map(), unconfirmedDeletes: false };
}

/**
 * Does `doc` hold anything the server is not known to have? Content: some client's local clock
 * is past its confirmed clock. Deletes leave clocks alone, so they are a flag of their own.
 */
export function hasUnconfirmedEdits(doc: Y.Doc, state: SavedState): boolean {
  if (state.unconfirmedDeletes) return true;
  for (const client of doc.store.clients.keys()) {
    if (Y.getState(doc.store, client) > (state.confirmed.get(client) ?? 0)) return true;
  }
  return false;
}

export interface SaveTrackerOptions {
  /** True for updates that came from the server (the provider's own origin). */
  isRemote: (origin: unknown) => boolean;
  /** True for updates read back from this browser's local copy (IndexedDB). */
  isLocalCopy?: (origin: unknown) => boolean;
  /** True while the provider sends local updates straight to the server (socket open). */
  isSending: () => boolean;
  /** Called whenever `pending` flips. */
  onChange: () => void;
  /** Called whenever `savedState` changes (after `restore`), to keep it with the local copy. */
  onSavedStateChange?: (state: SavedState) => void;
  /**
   * A local copy is being read: stay pending (unknown) until `restore()` hands over what an
   * earlier page load knew, and do not report saved states before that.
   */
  restoring?: boolean;
}

/**
 * Knows whether the edits in this browser are durable on the server.
 *
 * The server acknowledges with its state vector after committing each update a client sends
 * (`messageType.persistedAck`), one acknowledgement per update message, in order. Content the
 * server sent us is on the server too. So the tracker keeps a *confirmed* clock per client id
 * (acknowledgements and content received from the server raise it), and an edit is saved once
 * the confirmed clock of every client reaches the document's own clock for it. This also covers
 * content that an earlier page load wrote and left in the local copy: it is unconfirmed until
 * the server acknowledges the sync reply that carries it on the next connection.
 *
 * A state vector only counts inserted content: an edit that only deletes (Backspace, removing
 * a row) leaves every clock where it was. So two more things keep `pending` true:
 * - a delete-only update sent on the open socket, until its own acknowledgement arrives, and
 * - a delete-only edit made while disconnected (or left unconfirmed by an earlier page load),
 *   until the server acknowledges the sync reply of a later connection, which carries the
 *   document's whole delete set.
 */
export class SaveTracker {
  readonly #doc: Y.Doc;
  readonly #options: SaveTrackerOptions;
  readonly #confirmed = new Map<number, number>();
  /**
   * Update messages sent on the open socket and not acknowledged yet, oldest first; true for
   * those whose deletes only their own acknowledgement can confirm.
   */
  #sent: boolean[] = [];
  /** Delete-only edits not sent on any connection yet. */
  #unsentDeletes = false;
  #restoring: boolean;
  #pending: boolean;
  #reportedDeletes = false;

  constructor(doc: Y.Doc, options: SaveTrackerOptions) {
    this.#doc = doc;
    this.#options = options;
    this.#restoring = options.restoring ?? false;
    this.#pending = this.#restoring;
    doc.on('update', this.#onUpdate);
  }

  /** True while some edit in the document is not known to be stored on the server. */
  get pending(): boolean {
    return this.#pending;
  }

  get savedState(): SavedState {
    return { confirmed: new Map(this.#confirmed), unconfirmedDeletes: this.#unconfirmedDeletes() };
  }

  /** Take over what an earlier page load knew about the content read back from the local copy. */
  restore(state: SavedState): void {
    this.#raise(state.confirmed);
    if (state.unconfirmedDeletes) this.#unsentDeletes = true;
    this.#restoring = false;
    this.#changed(true);
  }

  /** Feed a `persistedAck` payload: the server's state vector after a commit. */
  acknowledge(stateVector: Map<number, number>): void {
    this.#sent.shift();
    const raised = this.#raise(stateVector);
    this.#changed(raised);
  }

  /**
   * The provider answered the server's sync step 1 with sync step 2: everything the server
   * lacks, with the whole delete set. The server acknowledges it like any update.
   */
  syncReplySent(): void {
    this.#sent.push(this.#unsentDeletes);
    this.#unsentDeletes = false;
    this.#changed(false);
  }

  /** The server refused the oldest unacknowledged update (e.g. the document is too large). */
  refused(): void {
    if (this.#sent.shift()) this.#unsentDeletes = true;
    this.#changed(false);
  }

  /**
   * The socket opened or closed: what was in flight on the old one is either stored or will be
   * sent again in the next connection's sync reply. Inserted content is covered by the confirmed
   * clocks; deletes that were waiting for their acknowledgement wait for that reply instead.
   */
  connectionChanged(): void {
    if (this.#sent.includes(true)) this.#unsentDeletes = true;
    this.#sent = [];
    this.#changed(false);
  }

  /** Nothing this connection sends will be stored (read-only): stop waiting for acknowledgements. */
  discardInFlight(): void {
    this.#sent = [];
    this.#changed(false);
  }

  destroy(): void {
    this.#doc.off('update', this.#onUpdate);
  }

  #onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (this.#options.isRemote(origin)) {
      // The server only sends what it has stored: the clocks this content reached are confirmed.
      const reached = new Map<number, number>();
      for (const [client, clock] of transaction.afterState) {
        if (clock > (transaction.beforeState.get(client) ?? 0)) reached.set(client, clock);
      }
      this.#changed(this.#raise(reached));
      return;
    }
    const fromLocalCopy = this.#options.isLocalCopy?.(origin) ?? false;
    let insertedContent = false;
    for (const [client, clock] of transaction.afterState) {
      if (clock > (transaction.beforeState.get(client) ?? 0)) insertedContent = true;
    }
    if (this.#options.isSending()) {
      // The provider sends every update that did not come from the server. Deletes read back
      // from the local copy are only known to be stored once this update is acknowledged.
      this.#sent.push(fromLocalCopy || !insertedContent);
    } else if (!fromLocalCopy && !insertedContent) {
      // Deletes read back from the local copy are covered by the restored saved state instead.
      this.#unsentDeletes = true;
    }
    this.#changed(false);
  };

  #unconfirmedDeletes(): boolean {
    return this.#unsentDeletes || this.#sent.includes(true);
  }

  /** Raise confirmed clocks; true if any rose. */
  #raise(clocks: Map<number, number>): boolean {
    let raised = false;
    for (const [client, clock] of clocks) {
      if (clock > (this.#confirmed.get(client) ?? 0)) {
        this.#confirmed.set(client, clock);
        raised = true;
      }
    }
    return raised;
  }

  #changed(confirmedRaised: boolean): void {
    const deletes = this.#unconfirmedDeletes();
    const pending = this.#restoring || hasUnconfirmedEdits(this.#doc, { confirmed: this.#confirmed, unconfirmedDeletes: deletes });
    if (!this.#restoring && (confirmedRaised || deletes !== this.#reportedDeletes)) {
      this.#reportedDeletes = deletes;
      this.#options.onSavedStateChange?.(this.savedState);
    }
    if (pending !== this.#pending) {
      this.#pending = pending;
      this.#options.onChange();
    }
  }
}
