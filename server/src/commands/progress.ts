import * as Y from 'yjs';
import {
  buildStatusProgress,
  readStatusMeasures,
  summariseStatus,
  type MeasureSummary,
  type ProgressMatrix,
  type VersionedTable,
  type VersionRef,
} from '@yhteispaja/model';
import { errors } from '../errors.ts';
import type { Snapshot } from '../storage/history-ports.ts';
import type { Store, User } from '../storage/ports.ts';
import { requireWorkshopRole } from './workshops.ts';

/**
 * Status progress across a workshop's snapshots (the progress matrix) and the organisation
 * dashboard. Both read the goal tables' Yjs state as each snapshot stored it; nothing is read
 * from the live documents, so the answer for a set of snapshots never changes.
 */

/** The goal tables of one snapshot, each opened into a throwaway doc. */
async function tablesOf(store: Store, snapshot: Snapshot): Promise<VersionedTable[]> {
  const documents = await store.snapshots.documents(snapshot.id);
  const tables: VersionedTable[] = [];
  for (const document of documents) {
    if (document.type !== 'goal-table') continue;
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, document.state);
      tables.push({ documentId: document.documentId, title: document.title, measures: readStatusMeasures(doc) });
    } finally {
      doc.destroy();
    }
  }
  return tables;
}

const versionRef = (snapshot: Snapshot): VersionRef => ({ version: snapshot.version, label: snapshot.label, createdAt: snapshot.createdAt });

export interface WorkshopProgress {
  versions: VersionRef[];
  matrices: ProgressMatrix[];
}

/** Each goal row's status at every snapshot of the workshop, oldest first. */
export async function workshopProgress(store: Store, user: User, workshopId: string): Promise<WorkshopProgress> {
  await requireWorkshopRole(store, workshopId, user, 'downloadReports');
  const snapshots = await store.snapshots.listForWorkshop(workshopId);
  const versions = [];
  for (const snapshot of snapshots) versions.push({ tables: await tablesOf(store, snapshot) });
  return { versions: snapshots.map(versionRef), matrices: buildStatusProgress(versions) };
}

export interface DashboardWorkshop {
  id: string;
  title: string;
  latest: VersionRef | null;
  previous: VersionRef | null;
  measures: MeasureSummary[];
}

/**
 * For each workshop of the organisation the caller belongs to (and may read), the status counts
 * of its goal tables at the latest snapshot and the moves since the one before.
 */
export async function organisationDashboard(store: Store, user: User, organisationId: string): Promise<{ workshops: DashboardWorkshop[] }> {
  // Only the caller's own organisation; another one looks like nothing exists.
  if (user.organisationId !== organisationId) throw errors.notFound('Organisation');
  const workshops = (await store.workshops.listForUser(user.id)).filter((w) => w.organisationId === organisationId && !w.erasedAt);
  const out: DashboardWorkshop[] = [];
  for (const workshop of workshops) {
    const snapshots = await store.snapshots.listForWorkshop(workshop.id);
    const latest = snapshots.at(-1);
    const previous = snapshots.length > 1 ? snapshots.at(-2)! : undefined;
    const measures = latest ? summariseStatus(await tablesOf(store, latest), previous ? await tablesOf(store, previous) : null) : [];
    out.push({
      id: workshop.id,
      title: workshop.title,
      latest: latest ? versionRef(latest) : null,
      previous: previous ? versionRef(previous) : null,
      measures,
    });
  }
  return { workshops: out };
}
