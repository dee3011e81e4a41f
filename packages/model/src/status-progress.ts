import type * as Y from 'yjs';
import { materialiseDocument, type MaterialisedCell, type MaterialisedGoalTable } from './materialise.ts';
import { richTextPlain, type RichText } from './rich-json.ts';
import type { StatusScale } from './scales.ts';

/**
 * Status measures of goal tables across versions, for the manager's pages: the progress matrix
 * (each goal row's status at every snapshot, side by side, like hand-kept maturity matrices) and
 * the organisation dashboard (how many measures stand at each step, what moved up or down).
 *
 * A "measure" is one status column, or one period of an evaluation column. Rows, columns and
 * periods are keyed by their stable ids, never by position.
 */

export interface MeasureRow {
  rowId: string;
  /** The row's first non-empty text cell (its goal), or '' when it has none. */
  label: string;
  /** The scale step key, or null when unset or not a step of the scale. */
  value: string | null;
}

export interface StatusMeasure {
  /** `columnId` or `columnId/periodId`. */
  key: string;
  columnId: string;
  columnTitle: string;
  periodId: string | null;
  periodLabel: string | null;
  scale: StatusScale;
  rows: MeasureRow[];
}

const isRichText = (cell: MaterialisedCell | undefined): cell is RichText => Array.isArray(cell) && cell.every((n) => typeof n === 'object' && n !== null);

/**
 * The status measures of one goal table from its materialised JSON (what a snapshot stores), rows
 * in display order. Headings are not measures; a value that is not a step of the scale is unset.
 */
export function statusMeasuresOf(table: MaterialisedGoalTable): StatusMeasure[] {
  const rows = table.rows.filter((row) => row.kind === 'item');
  const textColumns = table.columns.filter((c) => c.kind === 'rich-text');
  const labelOf = (cells: Record<string, MaterialisedCell>): string => {
    for (const column of textColumns) {
      const cell = cells[column.id];
      const text = isRichText(cell) ? richTextPlain(cell).trim() : '';
      if (text) return text;
    }
    return '';
  };
  const labels = new Map(rows.map((row) => [row.id, labelOf(row.cells)]));
  const measures: StatusMeasure[] = [];
  for (const column of table.columns) {
    const scale = column.scale;
    if (!scale || (column.kind !== 'status' && column.kind !== 'evaluation')) continue;
    const stepKeys = new Set(scale.steps.map((s) => s.key));
    const known = (value: unknown) => (typeof value === 'string' && stepKeys.has(value) ? value : null);
    const measure = (periodId: string | null, periodLabel: string | null, valueOf: (cell: MaterialisedCell | undefined) => unknown) => ({
      key: periodId === null ? column.id : `${column.id}/${periodId}`,
      columnId: column.id,
      columnTitle: column.title,
      periodId,
      periodLabel,
      scale,
      rows: rows.map((row) => ({ rowId: row.id, label: labels.get(row.id) ?? '', value: known(valueOf(row.cells[column.id])) })),
    });
    if (column.kind === 'status') measures.push(measure(null, null, (cell) => cell));
    else {
      for (const period of column.periods) {
        measures.push(
          measure(period.id, period.label, (cell) =>
            cell && typeof cell === 'object' && !Array.isArray(cell) ? (cell as Record<string, string>)[period.id] : undefined,
          ),
        );
      }
    }
  }
  return measures;
}

/** The status measures of a live goal table (or a snapshot's state); only reads the doc. */
export function readStatusMeasures(doc: Y.Doc): StatusMeasure[] {
  const content = materialiseDocument(doc);
  return content.type === 'goal-table' ? statusMeasuresOf(content) : [];
}

export interface VersionRef {
  version: number;
  label: string;
  createdAt: number;
}

/** One goal table as it stood at one version. */
export interface VersionedTable {
  documentId: string;
  title: string;
  measures: StatusMeasure[];
}

export interface ProgressMatrixRow {
  rowId: string;
  /** The row's label at the newest version that has it. */
  label: string;
  /** One entry per version (oldest first): the step key, or null (unset, or the row did not exist). */
  values: (string | null)[];
}

export interface ProgressMatrix {
  documentId: string;
  /** The table's title at the newest version that has it. */
  title: string;
  measureKey: string;
  columnTitle: string;
  periodLabel: string | null;
  scale: StatusScale;
  rows: ProgressMatrixRow[];
}

/**
 * Side by side: for every goal table and measure, each row's value at every version (oldest
 * first). Rows appear in the order of the newest version that has them; rows removed later stay
 * (their history is part of the story), after the others.
 */
export function buildStatusProgress(versions: readonly { tables: readonly VersionedTable[] }[]): ProgressMatrix[] {
  const matrices = new Map<string, ProgressMatrix & { rowIndex: Map<string, ProgressMatrixRow> }>();
  // Newest first, so titles, labels and order come from the latest version holding each.
  for (let v = versions.length - 1; v >= 0; v--) {
    for (const table of versions[v]!.tables) {
      for (const measure of table.measures) {
        const id = `${table.documentId}:${measure.key}`;
        let matrix = matrices.get(id);
        if (!matrix) {
          matrix = {
            documentId: table.documentId,
            title: table.title,
            measureKey: measure.key,
            columnTitle: measure.columnTitle,
            periodLabel: measure.periodLabel,
            scale: measure.scale,
            rows: [],
            rowIndex: new Map(),
          };
          matrices.set(id, matrix);
        }
        for (const row of measure.rows) {
          let entry = matrix.rowIndex.get(row.rowId);
          if (!entry) {
            entry = { rowId: row.rowId, label: row.label, values: versions.map(() => null) };
            matrix.rowIndex.set(row.rowId, entry);
            matrix.rows.push(entry);
          }
          entry.values[v] = row.value;
        }
      }
    }
  }
  return [...matrices.values()].map(({ rowIndex: _rowIndex, ...matrix }) => matrix);
}

export interface MeasureSummary {
  documentId: string;
  title: string;
  measureKey: string;
  columnTitle: string;
  periodLabel: string | null;
  scale: StatusScale;
  /** How many rows stand at each step (every step of the scale, in its order). */
  counts: { key: string; count: number }[];
  /** Rows with no value. */
  unset: number;
  /** Since the previous version: rows whose value moved to a later / earlier step of the scale. */
  movedUp: number;
  movedDown: number;
}

/**
 * How many measures stand at each step at `latest`, and what moved up or down since `previous`
 * (rows and measures matched by id; a row without a value at either end did not move).
 */
export function summariseStatus(latest: readonly VersionedTable[], previous: readonly VersionedTable[] | null): MeasureSummary[] {
  const before = new Map<string, Map<string, string | null>>();
  for (const table of previous ?? []) {
    for (const measure of table.measures) {
      before.set(`${table.documentId}:${measure.key}`, new Map(measure.rows.map((r) => [r.rowId, r.value])));
    }
  }
  const summaries: MeasureSummary[] = [];
  for (const table of latest) {
    for (const measure of table.measures) {
      const rank = new Map(measure.scale.steps.map((step, index) => [step.key, index]));
      const counts = new Map(measure.scale.steps.map((step) => [step.key, 0]));
      let unset = 0;
      let movedUp = 0;
      let movedDown = 0;
      const earlier = before.get(`${table.documentId}:${measure.key}`);
      for (const row of measure.rows) {
        if (row.value === null) unset++;
        else counts.set(row.value, (counts.get(row.value) ?? 0) + 1);
        const was = earlier?.get(row.rowId);
        if (row.value === null || was === null || was === undefined) continue;
        const delta = (rank.get(row.value) ?? 0) - (rank.get(was) ?? 0);
        if (delta > 0) movedUp++;
        else if (delta < 0) movedDown++;
      }
      summaries.push({
        documentId: table.documentId,
        title: table.title,
        measureKey: measure.key,
        columnTitle: measure.columnTitle,
        periodLabel: measure.periodLabel,
        scale: measure.scale,
        counts: [...counts].map(([key, count]) => ({ key, count })),
        unset,
        movedUp,
        movedDown,
      });
    }
  }
  return summaries;
}
