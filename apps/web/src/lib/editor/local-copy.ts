import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence, storeState } from 'y-indexeddb';
import * as Y from 'yjs';
import { hasUnconfirmedEdits, type SavedState } from './save-tracker.ts';

/**
 * This browser's copy of a document (y-indexeddb): one IndexedDB database per document and
 * user, holding the Y.Doc's updates and, beside them, the tracker's `SavedState` — what the
 * server is known to hold — so that a later page load can tell saved from unsaved content.
 */

const prefix = 'yhteispaja:doc:';
/** Key of the saved state in y-indexeddb's `custom` store. */
const savedStateKey = 'saved-state';
const savedStateVersion = 1;
/** Names of opened copies, for browsers without `indexedDB.databases()`. */
const registryKey = 'yhteispaja:local-copies';
/** Quiet time after deletions from the server before the copy is rewritten without them. */
const compactAfterMs = 3000;

/**
 * The database name of a document's local copy. Per user too: edits one person left unsent on
 * a shared computer are never sent under someone else's session.
 */
export function localCopyName(documentId: string, userId: string): string {
  return `${prefix}${documentId}:${userId}`;
}

export interface LocalCopy {
  /** True for the origin of updates read back from the copy. */
  isOrigin(origin: unknown): boolean;
  /**
   * Resolves once the stored updates are in the doc, with the saved state kept beside them;
   * null when the browser offers no IndexedDB (or it failed): the document works without a copy.
   */
  readonly loaded: Promise<SavedState | null>;
  /** Keep the tracker's saved state with the copy. */
  keepSavedState(state: SavedState): void;
  /** Stop writing and close the database (the content stays). */
  destroy(): void;
}

/** Copies this page has open, with whether they hold unsaved edits (the live tracker knows best). */
const openCopies = new Map<string, () => boolean>();

/**
 * Open (or create) the local copy `name` for `doc`: its stored updates are applied to the doc
 * (origin: the returned copy's persistence) and every later update of the doc is stored.
 * `isUnsaved` tells sign-out whether this open copy holds edits the server lacks.
 */
export function openLocalCopy(name: string, doc: Y.Doc, isUnsaved?: () => boolean): LocalCopy {
  if (typeof indexedDB === 'undefined') return unavailableCopy();
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(name, doc);
  } catch {
    return unavailableCopy();
  }
  remember(name);
  let closed = false;
  let compactTimer: ReturnType<typeof setTimeout> | undefined;

  // The copy stores every update as it came, so text deleted by others (a facilitator purging
  // personal data, say) would stay in it. After deletions from the server, rewrite the copy as
  // the document's current state: deleted content is garbage-collected out of it.
  const onTransaction = (transaction: Y.Transaction) => {
    if (closed || transaction.local || transaction.origin === persistence || transaction.deleteSet.clients.size === 0) return;
    clearTimeout(compactTimer);
    compactTimer = setTimeout(() => {
      if (!closed && persistence.db) void storeState(persistence, true).catch(() => {});
    }, compactAfterMs);
  };
  doc.on('afterTransaction', onTransaction);

  const close = () => {
    if (closed) return;
    closed = true;
    clearTimeout(compactTimer);
    doc.off('afterTransaction', onTransaction);
    if (openCopies.get(name) === isUnsaved) openCopies.delete(name);
    void persistence.destroy().catch(() => {});
  };
  if (isUnsaved) openCopies.set(name, isUnsaved);

  const opened = persistence._db.then(
    (db) => {
      // Another page deletes the copies (sign-out): let go at once, or the deletion waits for us.
      db.addEventListener('versionchange', close);
      return true;
    },
    () => false,
  );
  const loaded = opened.then(async (ok) => {
    if (!ok) {
      close();
      return null;
    }
    await persistence.whenSynced;
    try {
      return decodeSavedState(await persistence.get(savedStateKey), doc);
    } catch {
      return decodeSavedState(undefined, doc);
    }
  });

  return {
    isOrigin: (origin) => origin === persistence,
    loaded,
    keepSavedState(state) {
      if (closed) return;
      persistence.set(savedStateKey, encodeSavedState(state)).catch(() => {
        // The copy is closing or storage is full: the next load is only more cautious.
      });
    },
    destroy: close,
  };
}

/**
 * Whether any local copy in this browser holds edits the server is not known to have. Open
 * copies that are connected get a moment to finish saving first.
 */
export async function localEditsUnsaved(): Promise<boolean> {
  const live = () => [...openCopies.values()].some((isUnsaved) => isUnsaved());
  if (live() && navigator.onLine !== false) await waitFor(() => !live(), 3000);
  if (live()) return true;
  for (const name of await localCopyNames()) {
    if (openCopies.has(name)) continue;
    if (await storedCopyUnsaved(name)) return true;
  }
  return false;
}

/** Delete every local copy in this browser (sign-out on a shared computer). */
export async function clearLocalCopies(): Promise<void> {
  const names = await localCopyNames();
  await Promise.all(names.map(deleteDatabase));
  try {
    localStorage.removeItem(registryKey);
  } catch {
    // No storage access: nothing was recorded there either.
  }
}

function unavailableCopy(): LocalCopy {
  return { isOrigin: () => false, loaded: Promise.resolve(null), keepSavedState: () => {}, destroy: () => {} };
}

function encodeSavedState(state: SavedState): ArrayBuffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, savedStateVersion);
  encoding.writeVarUint(encoder, state.unconfirmedDeletes ? 1 : 0);
  encoding.writeVarUint8Array(encoder, Y.encodeStateVector(state.confirmed));
  return encoding.toUint8Array(encoder).slice().buffer;
}

/**
 * The saved state kept with the copy. Without one (a write that did not make it before the page
 * closed), content in the copy counts as unconfirmed, deletes included, until the server says so.
 */
function decodeSavedState(value: unknown, doc: Y.Doc): SavedState {
  const unknownState = { confirmed: new Map<number, number>(), unconfirmedDeletes: doc.store.clients.size > 0 };
  if (!(value instanceof ArrayBuffer)) return unknownState;
  const decoder = decoding.createDecoder(new Uint8Array(value));
  if (decoding.readVarUint(decoder) !== savedStateVersion) return unknownState;
  const unconfirmedDeletes = decoding.readVarUint(decoder) === 1;
  return { confirmed: Y.decodeStateVector(decoding.readVarUint8Array(decoder)), unconfirmedDeletes };
}

/** Read a copy no page here has open. One that cannot be read in time counts as unsaved. */
async function storedCopyUnsaved(name: string): Promise<boolean> {
  const doc = new Y.Doc();
  const copy = openLocalCopy(name, doc);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 3000)));
  try {
    const state = await Promise.race([copy.loaded, timedOut]);
    if (state === 'timeout') return true;
    return state !== null && hasUnconfirmedEdits(doc, state);
  } finally {
    clearTimeout(timer);
    copy.destroy();
    doc.destroy();
  }
}

async function localCopyNames(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  if (typeof indexedDB.databases === 'function') {
    try {
      const names: string[] = [];
      for (const { name } of await indexedDB.databases()) if (name?.startsWith(prefix)) names.push(name);
      return names;
    } catch {
      // Fall back to the names recorded on open.
    }
  }
  return registered();
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    // Another page still holds it open: the deletion completes when that page lets go.
    request.onblocked = () => setTimeout(resolve, 2000);
  });
}

function registered(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(registryKey) ?? '[]');
    return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

function remember(name: string): void {
  try {
    const names = registered();
    if (!names.includes(name)) localStorage.setItem(registryKey, JSON.stringify([...names, name]));
  } catch {
    // Only the fallback for listing copies is lost.
  }
}

function waitFor(done: () => boolean, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    const started = Date.now();
    const check = () => {
      if (done() || Date.now() - started >= timeoutMs) resolve();
      else setTimeout(check, 100);
    };
    check();
  });
}
