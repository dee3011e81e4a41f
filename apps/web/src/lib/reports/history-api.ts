/**
 * API calls of the manager's pages (snapshots, reports, changes, document history, progress,
 * dashboard). `createApi` in api.ts spreads these in, so pages call them as `api.snapshots(…)`.
 */
import type { MeasureSummary, ProgressMatrix, VersionRef } from '@yhteispaja/model';
import type { VersionChanges } from './changes.ts';

type Call = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<T>;

export interface SnapshotSummary {
  id: string;
  version: number;
  label: string;
  /** ISO date or epoch milliseconds. */
  createdAt: string | number;
  /** Who took it: a user id (the name is in `createdByName` when the server sends it). */
  createdBy: string;
  createdByName?: string;
  sha256: string;
}

export interface SnapshotVerification {
  ok: boolean;
  sha256: string;
}

export interface WorkshopProgress {
  versions: VersionRef[];
  matrices: ProgressMatrix[];
}

export interface DashboardWorkshop {
  id: string;
  title: string;
  latest: VersionRef | null;
  previous: VersionRef | null;
  measures: MeasureSummary[];
}

const id = (value: string) => encodeURIComponent(value);

export function historyCalls(call: Call) {
  return {
    snapshots: (workshopId: string) => call<SnapshotSummary[]>('GET', `/api/workshops/${id(workshopId)}/snapshots`),
    createSnapshot: (workshopId: string, label: string) =>
      call<{ id: string; version: number }>('POST', `/api/workshops/${id(workshopId)}/snapshots`, { label }),
    verifySnapshot: (snapshotId: string) => call<SnapshotVerification>('GET', `/api/snapshots/${id(snapshotId)}/verify`),
    /** `from` null: since the version before `to`. */
    changes: (workshopId: string, from: number | null, to: number) =>
      call<VersionChanges>('GET', `/api/workshops/${id(workshopId)}/changes?${from === null ? '' : `from=${from}&`}to=${to}`),
    progress: (workshopId: string) => call<WorkshopProgress>('GET', `/api/workshops/${id(workshopId)}/progress`),
    dashboard: (organisationId: string) =>
      call<{ workshops: DashboardWorkshop[] }>('GET', `/api/organisations/${id(organisationId)}/dashboard`),
  };
}
