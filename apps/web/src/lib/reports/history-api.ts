/**
 * API calls of the manager's pages (snapshots, reports, changes, document history, progress,
 * dashboard). `createApi` in api.ts spreads these in, so pages call them as `api.snapshots(…)`.
 */
import type { MeasureSummary, ProgressMatrix, VersionChanges, VersionRef } from '@yhteispaja/model';
import { ApiError } from '../api.ts';

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

/** One entry of a document's history: an automatic checkpoint or a workshop snapshot. */
export interface DocumentVersion {
  id: string;
  kind: 'checkpoint' | 'snapshot';
  /** ISO date or epoch milliseconds. */
  createdAt: string | number;
  /** Snapshots: their number and label. */
  version?: number | null;
  label?: string | null;
  /** Checkpoints: why it was taken (`activity`, `left`, `before-restore`). */
  reason?: string | null;
  createdByName?: string | null;
}

const id = (value: string) => encodeURIComponent(value);

/** The Yjs state (a V1 update) of one version of a document, to open read-only. */
export async function fetchVersionState(fetchImpl: typeof fetch, documentId: string, versionId: string): Promise<Uint8Array> {
  const response = await fetchImpl(`/api/documents/${id(documentId)}/versions/${id(versionId)}/state`, { credentials: 'same-origin' });
  if (!response.ok) {
    const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
    throw new ApiError(response.status, payload?.error?.code ?? `http_${response.status}`, payload?.error?.message ?? response.statusText);
  }
  return new Uint8Array(await response.arrayBuffer());
}

export function historyCalls(call: Call) {
  return {
    snapshots: (workshopId: string) => call<SnapshotSummary[]>('GET', `/api/workshops/${id(workshopId)}/snapshots`),
    createSnapshot: (workshopId: string, label: string) =>
      call<{ id: string; version: number }>('POST', `/api/workshops/${id(workshopId)}/snapshots`, { label }),
    verifySnapshot: (snapshotId: string) => call<SnapshotVerification>('GET', `/api/snapshots/${id(snapshotId)}/verify`),
    /** `from` null: since the version before `to`. */
    changes: (workshopId: string, from: number | null, to: number) =>
      call<VersionChanges>('GET', `/api/workshops/${id(workshopId)}/changes?${from === null ? '' : `from=${from}&`}to=${to}`),
    documentVersions: (documentId: string) => call<DocumentVersion[]>('GET', `/api/documents/${id(documentId)}/versions`),
    /** Facilitators: restore the document to a version, as a new change everyone sees live. */
    restoreDocument: (documentId: string, versionId: string) =>
      call<unknown>('POST', `/api/documents/${id(documentId)}/restore`, { versionId }),
    progress: (workshopId: string) => call<WorkshopProgress>('GET', `/api/workshops/${id(workshopId)}/progress`),
    dashboard: (organisationId: string) =>
      call<{ workshops: DashboardWorkshop[] }>('GET', `/api/organisations/${id(organisationId)}/dashboard`),
  };
}
