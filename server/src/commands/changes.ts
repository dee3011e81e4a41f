import { authorsBetween, deletionLookup, diffVersions, type ChangeAuthor, type ItemAuthors, type MaterialisedDocument, type VersionChanges, type VersionSide } from '@yhteispaja/model';
import { errors } from '../errors.ts';
import type { Snapshot, SnapshotDocument } from '../storage/history-ports.ts';
import type { Store, User } from '../storage/ports.ts';
import { requireWorkshopRole } from './workshops.ts';

/** A version as the diff reads it: the stored materialised JSON, never the Yjs layout. */
function side(snapshot: Snapshot, documents: readonly SnapshotDocument[]): VersionSide {
  return { version: snapshot.version, documents: documents.map((d) => ({ id: d.documentId, title: d.title, content: JSON.parse(d.content) as MaterialisedDocument })) };
}

/**
 * What changed between two snapshots, each change credited to the users whose client ids made
 * (or whose updates deleted) the structs under the item between the two stored Yjs states.
 * `frozenNames` (user id → name) overrides the current names.
 */
export async function changesBetween(store: Store, from: Snapshot | null, to: Snapshot, frozenNames?: ReadonlyMap<string, string>): Promise<VersionChanges> {
  const toDocuments = await store.snapshots.documents(to.id);
  const fromDocuments = from ? await store.snapshots.documents(from.id) : [];
  const previousState = new Map(fromDocuments.map((d) => [d.documentId, d.state]));
  const names = new Map<string, string>();
  const authorsByDocument = new Map<string, ItemAuthors>();
  for (const document of toDocuments) {
    const owners = await store.attribution.owners(document.documentId);
    for (const owner of owners) names.set(owner.userId, owner.name);
    const ownerOf = new Map(owners.map((owner) => [owner.clientId, owner.userId]));
    const deleterOf = deletionLookup(await store.attribution.deletions(document.documentId));
    authorsByDocument.set(
      document.documentId,
      authorsBetween(previousState.get(document.documentId) ?? null, document.state, { ownerOf: (client) => ownerOf.get(client), deleterOf }),
    );
  }
  const nameOf = async (userId: string) => {
    if (!names.has(userId)) names.set(userId, userId === 'system' ? 'system' : ((await store.users.byId(userId))?.name ?? 'erased user'));
    return names.get(userId)!;
  };
  // Resolve every credited user's name once, up front: the diff itself is synchronous.
  for (const authors of authorsByDocument.values()) for (const userId of authors.all()) await nameOf(userId);
  // A report names people as its snapshot recorded them, so a later rename never changes its bytes.
  for (const [userId, name] of frozenNames ?? []) names.set(userId, name);
  const present = (ids: string[]): ChangeAuthor[] => ids.map((userId) => ({ userId, name: names.get(userId) ?? userId }));
  return diffVersions(from ? side(from, fromDocuments) : null, side(to, toDocuments), {
    authors(documentId, itemId, field) {
      const authors = authorsByDocument.get(documentId);
      if (!authors) return [];
      return present(field ? authors.ofField(itemId, field) : authors.ofItem(itemId));
    },
  });
}

/** `GET /api/workshops/:id/changes?from=&to=`: `to` defaults to the latest version, `from` to the one before `to`. */
export async function workshopChanges(store: Store, user: User, workshopId: string, query: { from?: number | undefined; to?: number | undefined }): Promise<VersionChanges> {
  await requireWorkshopRole(store, workshopId, user);
  const latest = (await store.snapshots.listForWorkshop(workshopId)).at(-1);
  const toVersion = query.to ?? latest?.version;
  const to = toVersion === undefined ? undefined : await store.snapshots.byVersion(workshopId, toVersion);
  if (!to) throw errors.unprocessable('unknown_version', `Version ${toVersion ?? ''} does not exist`.trim());
  if (query.from !== undefined && query.from >= to.version) throw errors.unprocessable('bad_version_range', '`from` must be an earlier version than `to`');
  const fromVersion = query.from ?? to.version - 1;
  const from = fromVersion >= 1 ? await store.snapshots.byVersion(workshopId, fromVersion) : null;
  if (fromVersion >= 1 && !from) throw errors.unprocessable('unknown_version', `Version ${fromVersion} does not exist`);
  return changesBetween(store, from ?? null, to);
}
