import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { metaMap, readMeta, type DocumentMeta } from '@yhteispaja/model';
import { api, ApiError } from '../api.ts';
import { ConnectionStatus, type ClosedReason } from '../state/connection.svelte.ts';
import { localCopyName, openLocalCopy, type LocalCopy } from './local-copy.ts';
import { readPeers, type CellRef, type Peer, type PresenceUser } from './presence.ts';
import { connectDocument } from './sync.ts';

/**
 * One open document of any type: its Y.Doc, this browser's local copy of it (IndexedDB), the
 * sync provider, presence, the connection/save status and the read-only flag. The views of each
 * document type (goal table, action plan, service path) work on `doc` and `awareness`; a view
 * that keeps snapshots of its own listens with `onRefresh`. Create it when the page mounts and
 * call `destroy()` when it unmounts.
 *
 * The local copy is read first: the document shows what this browser last had (also offline),
 * and the provider connects once it is in the doc, so the sync sends the server whatever it lacks.
 */
export class DocumentSession {
  readonly documentId: string;
  readonly doc = new Y.Doc();
  readonly status = new ConnectionStatus();
  readonly user: PresenceUser;

  meta = $state.raw<DocumentMeta | undefined>(undefined);
  /** The doc has its content: from the local copy or the first sync (or it had its meta). */
  loaded = $state(false);
  peers = $state.raw<Peer[]>([]);

  readonly awareness: Awareness;
  readonly #localCopy: LocalCopy | null;
  readonly #destroyConnection: () => void;
  readonly #cleanups: (() => void)[] = [];
  readonly #listeners = new Set<() => void>();
  #probing = false;

  /**
   * `version`: the Yjs state of a past version (history): shown read-only, never connected
   * and never kept in the local copy.
   */
  constructor(documentId: string, user: PresenceUser, options: { readOnly: boolean; version?: Uint8Array }) {
    this.documentId = documentId;
    this.user = user;
    this.status.readOnly = options.readOnly || options.version !== undefined;
    if (options.version) {
      Y.applyUpdate(this.doc, options.version);
      this.#localCopy = null;
      this.awareness = new Awareness(this.doc);
      this.#destroyConnection = () => this.awareness.destroy();
      this.#refresh(true);
      return;
    }
    this.#localCopy = openLocalCopy(localCopyName(documentId, user.id), this.doc, () => this.status.unsaved);
    const connection = connectDocument(
      documentId,
      this.doc,
      this.status,
      {
        onSynced: () => this.#refresh(true),
        onAccessLost: () => this.awareness.setLocalStateField('cell', null),
        onFailing: () => void this.#probeAccess(),
        onLocalCopyLoaded: () => this.#refresh(),
      },
      this.#localCopy,
    );
    this.#destroyConnection = connection.destroy;
    this.awareness = connection.provider.awareness;
    this.awareness.setLocalState({ user, cell: null });

    const onAwareness = () => (this.peers = readPeers(this.awareness));
    this.awareness.on('change', onAwareness);
    this.#cleanups.push(() => this.awareness.off('change', onAwareness));
    const onMeta = () => this.#refresh();
    metaMap(this.doc).observe(onMeta);
    this.#cleanups.push(() => metaMap(this.doc).unobserve(onMeta));
  }

  get editable(): boolean {
    return !this.status.readOnly && this.status.closed === null;
  }

  /** Call `listener` whenever the doc's content may have arrived (local copy, sync, meta). */
  onRefresh(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Publish which cell/item this user is in (null: none), for the others' presence outlines. */
  focusCell(cell: CellRef | null): void {
    const current = this.awareness.getLocalState()?.['cell'] as CellRef | null | undefined;
    if (current?.rowId === cell?.rowId && current?.columnId === cell?.columnId) return;
    this.awareness.setLocalStateField('cell', cell);
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#listeners.clear();
    this.awareness.setLocalState(null);
    this.#destroyConnection();
    this.#localCopy?.destroy();
    this.doc.destroy();
  }

  #refresh(synced = false): void {
    const meta = readMeta(this.doc);
    this.meta = meta;
    for (const listener of this.#listeners) listener();
    // Normally the meta arrives with the first sync; a document without one still opens.
    if (meta || synced) this.loaded = true;
  }

  /** After repeated failures, ask the API whether the session or access is gone. */
  async #probeAccess(): Promise<void> {
    if (this.#probing || navigator.onLine === false) return;
    this.#probing = true;
    try {
      await api.document(this.documentId);
    } catch (error) {
      if (error instanceof ApiError && [401, 403, 404].includes(error.status)) {
        const reason: ClosedReason = error.status === 401 ? 'unauthorized' : 'forbidden';
        this.status.closed = reason;
        this.#destroyConnection();
      }
    } finally {
      this.#probing = false;
    }
  }
}
