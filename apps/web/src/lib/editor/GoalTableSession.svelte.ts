import * as Y from 'yjs';
import { GoalTable, type Column, type ColumnKind, type RowKind, type ScaleStep, type StatusScale } from '@yhteispaja/model';
import type { DocumentSession } from './DocumentSession.svelte.ts';

export interface ColumnView extends Column {
  /** Steps of a status or evaluation column's scale; empty for other columns (and unscaled evaluations). */
  steps: readonly ScaleStep[];
}

export interface RowView {
  id: string;
  kind: RowKind;
  /** Heading rows: the heading text. */
  heading: Y.Text | undefined;
  /** Rich-text cells by column id. */
  fragments: Readonly<Record<string, Y.XmlFragment>>;
  /** Links from this row to items of other documents (traceability). */
  links: Y.Array<string> | undefined;
  /** Status cells by column id (undefined: not set). */
  statuses: Readonly<Record<string, string | undefined>>;
  /** People cells by column id: the names, and the shared list they come from. */
  people: Readonly<Record<string, { list: Y.Array<string>; names: readonly string[] }>>;
  /** Schedule cells by column id. */
  texts: Readonly<Record<string, Y.Text>>;
  /** Date and number cells by column id. */
  values: Readonly<Record<string, string | number | undefined>>;
  /** Evaluation cells by column id: result per period id. */
  evaluations: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

export interface NewColumn {
  kind: ColumnKind;
  title: string;
  scale?: string;
  periods?: string[];
}

/** Marks row removals, so that "restore row" undoes exactly those and nothing typed since. */
const removeOrigin = { operation: 'remove-row' };

/**
 * The goal-table view state of an open document: the structure as plain snapshots for the view
 * and the goal-table edits. The document itself (doc, provider, presence, status) is the
 * `DocumentSession`'s; cell contents are not copied here: each cell editor binds to its shared
 * value directly.
 */
export class GoalTableSession {
  readonly session: DocumentSession;
  readonly table: GoalTable;

  columns = $state.raw<ColumnView[]>([]);
  /** Built-in scales and the table's own, for status and evaluation columns. */
  scales = $state.raw<StatusScale[]>([]);
  rows = $state.raw<RowView[]>([]);
  /** The last removed row can be restored. */
  canRestore = $state(false);

  readonly #undoRemove: Y.UndoManager;
  readonly #cleanups: (() => void)[] = [];

  constructor(session: DocumentSession) {
    this.session = session;
    this.table = new GoalTable(session.doc);
    this.#cleanups.push(session.onRefresh(() => this.#refresh()));
    this.#cleanups.push(this.table.observeStructure(() => this.#refresh()));
    this.#undoRemove = new Y.UndoManager(this.table.rowsMap, {
      trackedOrigins: new Set([removeOrigin]),
      captureTimeout: 0,
    });
    this.#refresh();
  }

  addRow(): string {
    return this.table.addRow();
  }

  addHeading(text: string): string {
    return this.table.addRow(Number.POSITIVE_INFINITY, 'heading', text);
  }

  /** Move a row one place up (-1) or down (+1). */
  moveRow(rowId: string, delta: -1 | 1): void {
    const index = this.rows.findIndex((row) => row.id === rowId);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= this.rows.length) return;
    this.table.moveRow(rowId, target);
  }

  removeRow(rowId: string): void {
    this.#undoRemove.clear();
    this.session.doc.transact(() => this.table.removeRow(rowId), removeOrigin);
    this.canRestore = true;
  }

  /** Bring back the last removed row with its contents. */
  restoreRow(): void {
    this.#undoRemove.undo();
    this.#undoRemove.clear();
    this.canRestore = false;
  }

  setStatus(rowId: string, columnId: string, key: string): void {
    this.table.setStatus(rowId, columnId, key === '' ? undefined : key);
  }

  setValue(rowId: string, columnId: string, value: string | number | undefined): void {
    this.table.setValue(rowId, columnId, value === '' ? undefined : value);
  }

  setEvaluation(rowId: string, columnId: string, periodId: string, value: string): void {
    const map = this.table.evaluation(rowId, columnId);
    if (!map) return;
    if (value === '') map.delete(periodId);
    else map.set(periodId, value);
  }

  addPerson(rowId: string, columnId: string, name: string): void {
    const trimmed = name.trim();
    if (trimmed) this.table.people(rowId, columnId)?.push([trimmed]);
  }

  removePerson(rowId: string, columnId: string, name: string): void {
    const list = this.table.people(rowId, columnId);
    const index = list?.toArray().indexOf(name) ?? -1;
    if (list && index >= 0) list.delete(index, 1);
  }

  /** A status scale of the table's own; returns its id. */
  addScale(name: string, steps: readonly { label: string; colour: string }[]): string {
    return this.table.addScale({ name, steps });
  }

  addColumn(column: NewColumn): string {
    return this.table.addColumn({
      kind: column.kind,
      title: column.title,
      ...(column.scale ? { scale: column.scale } : {}),
      ...(column.kind === 'evaluation' ? { periods: column.periods ?? [] } : {}),
    });
  }

  renameColumn(columnId: string, title: string): void {
    this.table.renameColumn(columnId, title);
  }

  /** Move a column one place left (-1) or right (+1). */
  moveColumn(columnId: string, delta: -1 | 1): void {
    const index = this.columns.findIndex((column) => column.id === columnId);
    const target = index + delta;
    if (index < 0 || target < 0 || target >= this.columns.length) return;
    this.table.moveColumn(columnId, target);
  }

  removeColumn(columnId: string): void {
    this.table.removeColumn(columnId);
  }

  addPeriod(columnId: string, label: string): void {
    this.table.addPeriod(columnId, label);
  }

  destroy(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
    this.#undoRemove.destroy();
  }

  /** Rebuild the plain snapshots the view renders from. */
  #refresh(): void {
    const table = this.table;
    const columns = table.columns().map((column) => ({
      ...column,
      steps: (column.kind === 'status' || column.kind === 'evaluation') && column.scale ? (table.scale(column.scale)?.steps ?? []) : [],
    }));
    this.scales = table.scales();
    const rows = table.rows().map((row): RowView => {
      const view = {
        id: row.id,
        kind: row.kind,
        heading: row.kind === 'heading' ? table.heading(row.id) : undefined,
        fragments: {} as Record<string, Y.XmlFragment>,
        links: row.kind === 'item' ? table.links(row.id) : undefined,
        statuses: {} as Record<string, string | undefined>,
        people: {} as Record<string, { list: Y.Array<string>; names: readonly string[] }>,
        texts: {} as Record<string, Y.Text>,
        values: {} as Record<string, string | number | undefined>,
        evaluations: {} as Record<string, Record<string, string>>,
      };
      if (row.kind === 'heading') return view;
      for (const column of columns) {
        switch (column.kind) {
          case 'status':
            view.statuses[column.id] = table.status(row.id, column.id);
            break;
          case 'rich-text': {
            const fragment = table.richText(row.id, column.id);
            if (fragment) view.fragments[column.id] = fragment;
            break;
          }
          case 'people': {
            const list = table.people(row.id, column.id);
            if (list) view.people[column.id] = { list, names: list.toArray() };
            break;
          }
          case 'schedule': {
            const text = table.schedule(row.id, column.id);
            if (text) view.texts[column.id] = text;
            break;
          }
          case 'date':
          case 'number':
            view.values[column.id] = table.value(row.id, column.id);
            break;
          case 'evaluation': {
            const map = table.evaluation(row.id, column.id);
            const results: Record<string, string> = {};
            if (map) for (const [periodId, value] of map.entries()) if (typeof value === 'string') results[periodId] = value;
            view.evaluations[column.id] = results;
            break;
          }
        }
      }
      return view;
    });
    this.columns = columns;
    this.rows = rows;
  }
}
