import { richTextPlain, type MaterialisedGoalTable, type MaterialisedRow, type MaterialisedScale, type RichText } from '@yhteispaja/model';
import type { ReportDocument, ReportInput } from './types.ts';

/**
 * The progress matrix: each goal row's status at every snapshot up to this one, side by side, like
 * the month-by-month maturity matrices people keep by hand. One matrix per measure (a status
 * column, or one period of an evaluation column) of each goal table of this version; rows and
 * columns are matched across versions by their stable ids, never by position.
 */
export interface ProgressMeasure {
  documentId: string;
  documentTitle: string;
  columnId: string;
  periodId: string | null;
  /** Column title, with the period's label for evaluation columns. */
  title: string;
  scale: MaterialisedScale | null;
  versions: { version: number; label: string; createdAt: number }[];
  rows: { rowId: string; label: string; group: string | null; values: (string | null)[] }[];
}

/** The text a row is known by: its first non-empty rich-text or schedule cell. */
export function rowLabel(table: MaterialisedGoalTable, row: MaterialisedRow): string {
  if (row.kind === 'heading') return row.heading ?? '';
  for (const column of table.columns) {
    const value = row.cells[column.id];
    if (column.kind === 'rich-text' && Array.isArray(value)) {
      const text = richTextPlain(value as RichText).trim();
      if (text) return text.split('\n')[0]!;
    }
  }
  return '';
}

function statusAt(doc: ReportDocument | undefined, rowId: string, columnId: string, periodId: string | null): string | null {
  if (!doc || doc.content.type !== 'goal-table') return null;
  const row = doc.content.rows.find((r) => r.id === rowId);
  const value = row?.cells[columnId];
  if (periodId === null) return typeof value === 'string' ? value : null;
  if (value && typeof value === 'object' && !Array.isArray(value)) return (value as Record<string, string>)[periodId] ?? null;
  return null;
}

export function buildProgressMatrix(input: ReportInput): ProgressMeasure[] {
  const versions = [
    ...input.previous.filter((p) => p.version < input.snapshot.version).map((p) => ({ version: p.version, label: p.label, createdAt: p.createdAt, documents: p.documents })),
    { version: input.snapshot.version, label: input.snapshot.label, createdAt: input.snapshot.createdAt, documents: input.documents },
  ].sort((a, b) => a.version - b.version);
  const out: ProgressMeasure[] = [];
  for (const doc of input.documents) {
    if (doc.content.type !== 'goal-table') continue;
    const table = doc.content;
    const measures = table.columns.flatMap((column) => {
      if (column.kind === 'status') return [{ column, periodId: null as string | null, title: column.title }];
      if (column.kind === 'evaluation') return column.periods.map((p) => ({ column, periodId: p.id as string | null, title: `${column.title}: ${p.label}` }));
      return [];
    });
    for (const { column, periodId, title } of measures) {
      let group: string | null = null;
      const rows: ProgressMeasure['rows'] = [];
      for (const row of table.rows) {
        if (row.kind === 'heading') {
          group = row.heading ?? '';
          continue;
        }
        const values = versions.map((v) => statusAt(v.documents.find((d) => d.id === doc.id), row.id, column.id, periodId));
        rows.push({ rowId: row.id, label: rowLabel(table, row), group, values });
      }
      out.push({
        documentId: doc.id,
        documentTitle: table.meta.title,
        columnId: column.id,
        periodId,
        title,
        scale: column.scale,
        versions: versions.map(({ version, label, createdAt }) => ({ version, label, createdAt })),
        rows,
      });
    }
  }
  return out;
}
