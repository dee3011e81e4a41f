import * as Y from 'yjs';
import { canonicalJson, materialiseDocument, UnmaterialisableDocumentError } from '@yhteispaja/model';
import { errors } from '../errors.ts';
import type { Snapshot, SnapshotDocument, SnapshotParticipant } from '../storage/history-ports.ts';
import type { Store, User } from '../storage/ports.ts';
import { snapshotHash } from './snapshot-hash.ts';
import { requireWorkshopRole } from './workshops.ts';

/** Who is connected to which workshop's documents right now (the sync server knows). */
export type PresentUsers = (workshopId: string) => readonly string[];

/**
 * Freeze every document of a workshop as the next numbered version. The documents are read from
 * the store in one transaction: an update is one row there, and it is in the store before anyone
 * sees it, so the cut holds every acknowledged edit whole or not at all, whichever instance took
 * it. The Yjs state is kept (to open or restore the version) beside the materialised JSON (what
 * reports and diffs read, so they never depend on code that interprets old layouts).
 */
export async function takeSnapshot(store: Store, user: User, workshopId: string, label: string, presentUsers: PresentUsers): Promise<Snapshot> {
  await requireWorkshopRole(store, workshopId, user, 'takeSnapshots');
  const captured = await store.snapshots.captureWorkshop(workshopId);
  const documents: SnapshotDocument[] = [];
  for (const document of captured) {
    const state = Y.mergeUpdates(document.parts);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    let content;
    try {
      content = materialiseDocument(doc);
    } catch (error) {
      // A document whose meta names no known type has no content a report could show: left out.
      if (error instanceof UnmaterialisableDocumentError) continue;
      throw error;
    } finally {
      doc.destroy();
    }
    const position = documents.length;
    documents.push({ documentId: document.documentId, position, type: document.type, title: content.meta.title || document.title, state, content: canonicalJson(content) });
  }
  const previous = (await store.snapshots.listForWorkshop(workshopId)).at(-1);
  const participants = await participantsSince(store, previous, documents, presentUsers(workshopId));
  const createdAt = Date.now();
  const meta = { workshopId, label, createdAt, createdBy: user.id, createdByName: user.name, participants };
  return store.snapshots.create({ ...meta, documents }, (version) => snapshotHash({ ...meta, version }, documents));
}

/**
 * A snapshot's participants: the members who changed any of its documents since the previous
 * snapshot (added structs under their client ids, or deleted something), and those connected
 * to the workshop's documents while it was taken. Sorted by name; the system is nobody.
 */
async function participantsSince(store: Store, previous: Snapshot | undefined, documents: readonly SnapshotDocument[], present: readonly string[]): Promise<SnapshotParticipant[]> {
  const ids = new Set(present);
  for (const document of documents) {
    const before = previous ? await store.snapshots.document(previous.id, document.documentId) : undefined;
    const from = before ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(before.state)) : new Map<number, number>();
    const to = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(document.state));
    const owners = new Map((await store.attribution.owners(document.documentId)).map((owner) => [owner.clientId, owner.userId]));
    for (const [client, clock] of to) {
      const owner = owners.get(client);
      if (owner && clock > (from.get(client) ?? 0)) ids.add(owner);
    }
    for (const deletion of await store.attribution.deletions(document.documentId)) {
      if (!previous || deletion.at > previous.createdAt) ids.add(deletion.userId);
    }
  }
  ids.delete('system');
  const participants: SnapshotParticipant[] = [];
  for (const id of ids) {
    const user = await store.users.byId(id);
    if (user) participants.push({ userId: user.id, name: user.name });
  }
  return participants.sort((a, b) => a.name.localeCompare(b.name, 'fi') || a.userId.localeCompare(b.userId));
}

/** A snapshot the caller may see (a member of its workshop), or 404. */
export async function requireSnapshot(store: Store, user: User, snapshotId: string): Promise<Snapshot> {
  const snapshot = await store.snapshots.get(snapshotId);
  if (!snapshot) throw errors.notFound('Snapshot');
  const role = await store.workshops.role(snapshot.workshopId, user.id);
  if (!role) throw errors.notFound('Snapshot');
  return snapshot;
}

/** Recompute a snapshot's hash from what is stored now. */
export async function verifySnapshot(store: Store, snapshot: Snapshot): Promise<{ ok: boolean; sha256: string; expected: string }> {
  const documents = await store.snapshots.documents(snapshot.id);
  let sha256: string;
  try {
    sha256 = snapshotHash(snapshot, documents);
  } catch {
    // Stored content that is no longer even JSON cannot match.
    sha256 = '';
  }
  return { ok: sha256 === snapshot.sha256, sha256, expected: snapshot.sha256 };
}
