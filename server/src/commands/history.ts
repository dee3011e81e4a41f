import * as Y from 'yjs';
import { restoreTo } from '@yhteispaja/model';
import { errors } from '../errors.ts';
import { can } from '../policies/workshop.ts';
import type { ActorId, Checkpoint, CheckpointReason, Snapshot } from '../storage/history-ports.ts';
import type { DocumentRecord, Store, User } from '../storage/ports.ts';
import { requireDocumentRole } from './workshops.ts';

/** One version of a document: a labelled workshop snapshot or an automatic checkpoint. */
export interface DocumentVersion {
  /** The snapshot's id or the checkpoint's id. */
  id: string;
  kind: 'snapshot' | 'checkpoint';
  createdAt: number;
  /** Snapshots: their number and label. */
  version: number | null;
  label: string | null;
  /** Checkpoints: why it was taken. */
  reason: CheckpointReason | null;
  createdBy: ActorId | null;
  /** The author's name (snapshots: as taken; checkpoints: now), null for automatic checkpoints. */
  createdByName: string | null;
}

const snapshotVersion = (s: Snapshot): DocumentVersion => ({
  id: s.id, kind: 'snapshot', createdAt: s.createdAt, version: s.version, label: s.label, reason: null, createdBy: s.createdBy, createdByName: s.createdByName,
});
const checkpointVersion = (c: Checkpoint, createdByName: string | null): DocumentVersion => ({
  id: c.id, kind: 'checkpoint', createdAt: c.createdAt, version: null, label: null, reason: c.reason, createdBy: c.createdBy, createdByName,
});

/** A document's versions, newest first: its workshop's snapshots and its own checkpoints. */
export async function listVersions(store: Store, user: User, documentId: string): Promise<DocumentVersion[]> {
  const { document } = await requireDocumentRole(store, documentId, user);
  const snapshots = await store.snapshots.listForDocument(document.id);
  const checkpoints = await store.checkpoints.list(document.id);
  const versions: DocumentVersion[] = [
    ...snapshots.map((s) => snapshotVersion(s)),
    ...(await Promise.all(checkpoints.map(async (c) => checkpointVersion(c, c.createdBy ? ((await store.users.byId(c.createdBy))?.name ?? null) : null)))),
  ];
  return versions.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
}

/** One version's Yjs state and materialised JSON (canonical JSON text), or 404. */
export async function readVersion(store: Store, user: User, documentId: string, versionId: string): Promise<{ document: DocumentRecord; version: DocumentVersion; state: Uint8Array; content: string }> {
  const { document } = await requireDocumentRole(store, documentId, user);
  const snapshot = await store.snapshots.get(versionId);
  if (snapshot && snapshot.workshopId === document.workshopId) {
    const stored = await store.snapshots.document(snapshot.id, document.id);
    if (stored) {
      const version = snapshotVersion(snapshot);
      return { document, version, state: stored.state, content: stored.content };
    }
  }
  const checkpoint = await store.checkpoints.get(versionId);
  if (checkpoint && checkpoint.documentId === document.id) {
    const version = checkpointVersion(checkpoint, null);
    return { document, version, state: checkpoint.state, content: checkpoint.content };
  }
  throw errors.notFound('Version');
}

/** What restoring needs from the sync server: a checkpoint now, and a server change through the live room. */
export interface RestoreDeps {
  checkpointDocument: (documentId: string, reason: CheckpointReason, actor: ActorId) => Promise<unknown>;
  changeDocument: <T>(documentId: string, edit: (doc: Y.Doc) => T, actor?: string) => Promise<T>;
}

/**
 * Restore a document to a version as a new change: the current content is checkpointed first
 * (so the restore itself can be undone), then the difference to the version is made as one edit
 * through the document's room, which everyone connected receives live. History is never rewritten.
 */
export async function restoreVersion(store: Store, user: User, documentId: string, versionId: string, deps: RestoreDeps): Promise<DocumentVersion> {
  const { role } = await requireDocumentRole(store, documentId, user);
  if (!can(role, 'restoreVersions')) throw errors.forbidden();
  const { version, state } = await readVersion(store, user, documentId, versionId);
  try {
    Y.decodeUpdate(state);
  } catch {
    throw errors.unprocessable('unreadable_version', 'This version cannot be read');
  }
  await deps.checkpointDocument(documentId, 'before-restore', user.id);
  await deps.changeDocument(documentId, (doc) => restoreTo(doc, state), user.id);
  return version;
}

/**
 * After personal data was purged from a document, its automatic checkpoints that still hold the
 * text go too (they are history the purge promises to clean). Snapshots are not touched: they are
 * immutable records; a GDPR erasure of a snapshot goes through the workshop's retention.
 */
export async function forgetCheckpointsContaining(store: Store, documentId: string, text: string): Promise<number> {
  const needle = Buffer.from(text, 'utf8');
  const doomed: string[] = [];
  for (const meta of await store.checkpoints.list(documentId)) {
    const checkpoint = await store.checkpoints.get(meta.id);
    if (checkpoint && (checkpoint.content.includes(text) || Buffer.from(checkpoint.state).includes(needle))) doomed.push(checkpoint.id);
  }
  await store.checkpoints.delete(doomed);
  return doomed.length;
}
