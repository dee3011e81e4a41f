import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { findScale, GoalTable, metaMap, readMeta, type Column, type DocumentMeta, type ScaleStep } from '@yhteispaja/model';
import { api, ApiError } from '../api.ts';
import { ConnectionStatus, type ClosedReason } from '../state/connection.svelte.ts';
import { localCopyName, openLocalCopy, type LocalCopy } from './local-copy.ts';
import { readPeers, type CellRef, type Peer, type PresenceUser } from './presence.ts';
import { connectDocument } from './sync.ts';

export interface ColumnView extends Column {
  /** Steps of a status column's scale; empty for rich-text columns. */
  steps: readonly ScaleStep[];
}

export interface RowView {
  id: string;
  /** Rich-text cells by column id. */
  fragments: Readonly<Record<string, Y.XmlFragment>>;
  /** Status cells by column id (undefined: not set). */
  statuses: Readonly<Record<string, string | undefined>>;
}

/** Marks row removals, so that "restore row" undoes exactly those and nothing typed since. */
const removeOrigin = { operation: 'remove-row' };

/**
 * One open goal table: its Y.Doc, this browser's local copy of it (IndexedDB), the sync
 * provider, the structure as plain snapshots for the view, presence, and the connection/save
 * status. Create it when the page mounts and call `destroy()` when it unmounts. Cell contents
 * are not copied here: each cell editor binds to its Y.XmlFragment directly.
 *
 * The local copy is read first: the table shows what this browser last had (also offline), and
 * the provider connects once it is in the doc, so the sync sends the server whatever it lacks.
 */
export class GoalTableSession {
  readonly documentId: string;
  readonly doc = new Y.Doc();
  readonly table = new GoalTable(this.doc);
  readonly status = new ConnectionStatus();
  readonly user: PresenceUser;

  meta = $state.raw<DocumentMeta | undefined>(undefined);
  columns = $state.raw<ColumnView[]>([]);
  rows = $state.raw<RowView[]>([]);
  /** The doc has its content: from the local copy or the first sync (or it had its meta). */
  loaded = $state(false);
  peers = $state.raw<Peer[]>([]);
  /** The last removed row can be restored. */
  canRestore = $state(false);

  readonly awareness: Awareness;
  readonly #localCopy: LocalCopy;
  readonly #destroyConnection: () => void;
  readonly #undoRemove: Y.UndoManager;
  readonly #cleanups: (() => void)[] = [];
  #probing = false;

  constructor(documentId: string, user: PresenceUser, options: { readOnly: boolean }) {
    this.documentId = documentId;
    this.user = user;
    this.status.readOnly = options.readOnly;
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
    this.#cleanups.push(this.table.observeStructure(() => this.#refresh()));
    const onMeta = () => this.#refresh();
    metaMap(this.doc).observe(onMeta);
    this.#cleanups.push(() => metaMap(this.doc).unobserve(onMeta));

    this.#undoRemove = new Y.UndoManager(this.table.rowsMap, {
      trackedOrigins: new Set([removeOrigin]),
      captureTimeout: 0,
    });
  }

  get editable(): boolean {
    return !this.status.readOnly && this.status.closed === null;
  }

  addRow(): string {
    return this.table.addRow();
  }

  /** Move a row one place up (-1) or down (+1). */
  moveRow(rowId: string, delta: -1 | 1): void {
    const index = this.rows.findIndex((row) => row.id === rowId);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= this.rows.length) return;
    this.table.moveRow(rowId, target);
  }

  removeRow(rowId: string): void {
    this.#undoRemove.clear();
    this.doc.transact(() => this.table.removeRow(rowId), removeOrigin);
    this.canRestore = true;
  }

  /** Bring back the last removed row with its contents. */
  restoreRow(): void {
    this.#undoRemove.undo();
    this.#undoRemove.clear();
    this.canRestore = false;
  }

  setStatus(rowId: string, columnId: string, key: string): void {
    this.table.setStatus(rowId, columnId, key === '' ? undefined : key);
  }

  /** Publish which cell this user is in (null: none), for the others' presence outlines. */
  focusCell(cell: CellRef | null): void {
    const current = this.awareness.getLocalState()?.['cell'] as CellRef | null | undefined;
    if (current?.rowId === cell?.rowId && current?.columnId === cell?.columnId) return;
    this.awareness.setLocalStateField('cell', cell);
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#undoRemove.destroy();
    this.awareness.setLocalState(null);
    this.#destroyConnection();
    this.#localCopy.destroy();
    this.doc.destroy();
  }

  /** Rebuild the plain snapshots the view renders from (rows, columns, statuses). */
  #refresh(synced = false): void {
    const meta = readMeta(this.doc);
    this.meta = meta;
    const columns = this.table.columns().map((column) => ({
      ...column,
      steps: column.kind === 'status' && column.scale ? (findScale(column.scale)?.steps ?? []) : [],
    }));
    const rows = this.table.rows().map((row) => {
      const fragments: Record<string, Y.XmlFragment> = {};
      const statuses: Record<string, string | undefined> = {};
      for (const column of columns) {
        if (column.kind === 'status') statuses[column.id] = this.table.status(row.id, column.id);
        else {
          const fragment = this.table.richText(row.id, column.id);
          if (fragment) fragments[column.id] = fragment;
        }
      }
      return { id: row.id, fragments, statuses };
    });
    this.columns = columns;
    this.rows = rows;
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
