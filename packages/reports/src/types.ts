import type { MaterialisedDocument, VersionChanges } from '@yhteispaja/model';

export type ReportLocale = 'fi' | 'sv' | 'en';
export const reportLocales: readonly ReportLocale[] = ['fi', 'sv', 'en'];

export type ReportFormat = 'html' | 'pdf' | 'docx' | 'odt' | 'xlsx' | 'csv' | 'md';
export const reportFormats: readonly ReportFormat[] = ['html', 'pdf', 'docx', 'odt', 'xlsx', 'csv', 'md'];

export interface ReportDocument {
  id: string;
  content: MaterialisedDocument;
}

/** Everything a report shows, all of it from the snapshot: no clock, no randomness. */
export interface ReportInput {
  organisation: { name: string };
  workshop: { id: string; title: string };
  snapshot: {
    id: string;
    version: number;
    label: string;
    /** ms since the epoch */
    createdAt: number;
    /** name */
    createdBy: string;
    participants: string[];
    sha256: string;
  };
  /** This version's documents. */
  documents: ReportDocument[];
  /** Earlier snapshots, oldest first. */
  previous: { version: number; label: string; createdAt: number; documents: ReportDocument[] }[];
  /** Changes since the previous version (null for the first). */
  changes: VersionChanges | null;
}

export interface RenderedReport {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}
