import type { MaterialisedDocument } from '@yhteispaja/model';
import type { ReportInput } from '@yhteispaja/reports';
import { errors } from '../errors.ts';
import type { Snapshot, SnapshotDocument } from '../storage/history-ports.ts';
import type { Store } from '../storage/ports.ts';
import { changesBetween } from './changes.ts';

const documentsOf = (documents: readonly SnapshotDocument[]) =>
  documents.map((d) => ({ id: d.documentId, content: JSON.parse(d.content) as MaterialisedDocument }));

/**
 * Everything a report of `snapshot` shows, from stored snapshot data only (the materialised JSON,
 * never the Yjs layout): the version itself, every earlier version (for the progress matrix) and
 * what changed since the previous one. Nothing here reads the clock, so the bytes never change.
 */
export async function reportInput(store: Store, snapshot: Snapshot): Promise<ReportInput> {
  const workshop = await store.workshops.get(snapshot.workshopId);
  if (!workshop) throw errors.notFound('Snapshot');
  const organisation = await store.organisations.get(workshop.organisationId);
  const earlier = (await store.snapshots.listForWorkshop(workshop.id)).filter((s) => s.version < snapshot.version);
  const previous = [];
  for (const version of earlier) {
    previous.push({ version: version.version, label: version.label, createdAt: version.createdAt, documents: documentsOf(await store.snapshots.documents(version.id)) });
  }
  const before = earlier.at(-1);
  return {
    organisation: { name: organisation?.name ?? '' },
    workshop: { id: workshop.id, title: workshop.title },
    snapshot: {
      id: snapshot.id,
      version: snapshot.version,
      label: snapshot.label,
      createdAt: snapshot.createdAt,
      createdBy: snapshot.createdByName,
      participants: snapshot.participants.map((p) => p.name),
      sha256: snapshot.sha256,
    },
    documents: documentsOf(await store.snapshots.documents(snapshot.id)),
    previous,
    changes: before ? await changesBetween(store, before, snapshot, new Map(snapshot.participants.map((p) => [p.userId, p.name]))) : null,
  };
}
