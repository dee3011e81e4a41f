import {
  buildStatusProgress,
  statusMeasuresOf,
  type MaterialisedGoalTable,
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
 * dashboard. Both read the materialised JSON each snapshot stored, never the live documents nor
 * the Yjs layout: the answer for a set of snapshots never changes, whatever the code reads later.
 */

function goalTableContent(content: string): MaterialisedGoalTable | null {
  try {
    const parsed = JSON.parse(content) as Partial<MaterialisedGoalTable> | null;
    return parsed?.type === 'goal-table' && Array.isArray(parsed.columns) && Array.isArray(parsed.rows) ? (parsed as MaterialisedGoalTable) : null;
  } catch {
    return null;
  }
}

/** The goal tables of one snapshot. */
async function tablesOf(store: Store, snapshot: Snapshot): Promise<VersionedTable[]> {
  const tables: VersionedTable[] = [];
  for (const document of await store.snapshots.documents(snapshot.id)) {
    const content = document.type === 'goal-table' ? goalTableContent(document.content) : null;
    if (content) tables.push({ documentId: document.documentId, title: document.title, measures: statusMeasuresOf(content) });
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
