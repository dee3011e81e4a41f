import * as Y from 'yjs';
import { newItemId } from './ids.ts';
import { compareOrdered, orderKeyAt, type Ordered } from './order.ts';
import { writeMeta } from './meta.ts';

/**
 * Goal table layout (schema version 1):
 * - `meta`: { type: 'goal-table', title, schemaVersion }
 * - `columns`: Y.Map<columnId, Y.Map{ order, kind, title, scale? }>
 * - `rows`:    Y.Map<rowId,    Y.Map{ order, cells: Y.Map<columnId, Y.XmlFragment | string> }>
 * Rich-text cells are Y.XmlFragments created with their row, so two people typing into a
 * new row write into the same fragment instead of racing to create it.
 */
export const goalTableSchemaVersion = 1;

export const columnKinds = ['rich-text', 'status'] as const;
export type ColumnKind = (typeof columnKinds)[number];

export interface ColumnSpec {
  id?: string;
  kind: ColumnKind;
  title: string;
  /** For status columns: the id of the status scale. */
  scale?: string;
}

export interface Column extends Ordered {
  kind: ColumnKind;
  title: string;
  scale: string | undefined;
}

export interface Row extends Ordered {}

const roots = { columns: 'columns', rows: 'rows' } as const;

/** Typed access to a goal table's Y.Doc. Holds no state of its own: every read goes to the doc. */
export class GoalTable {
  readonly doc: Y.Doc;
  readonly columnsMap: Y.Map<Y.Map<unknown>>;
  readonly rowsMap: Y.Map<Y.Map<unknown>>;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.columnsMap = doc.getMap(roots.columns);
    this.rowsMap = doc.getMap(roots.rows);
  }

  /** Write meta and the given columns into an empty doc; `rows` empty rows are added. */
  static create(doc: Y.Doc, init: { title: string; columns: readonly ColumnSpec[]; rows?: number }): GoalTable {
    const table = new GoalTable(doc);
    doc.transact(() => {
      writeMeta(doc, { type: 'goal-table', title: init.title, schemaVersion: goalTableSchemaVersion });
      for (const spec of init.columns) table.addColumn(spec);
      for (let i = 0; i < (init.rows ?? 0); i++) table.addRow();
    });
    return table;
  }

  columns(): Column[] {
    const out: Column[] = [];
    for (const [id, map] of this.columnsMap.entries()) {
      const kind = map.get('kind');
      if (kind !== 'rich-text' && kind !== 'status') continue;
      out.push({
        id,
        order: String(map.get('order') ?? ''),
        kind,
        title: String(map.get('title') ?? ''),
        scale: typeof map.get('scale') === 'string' ? (map.get('scale') as string) : undefined,
      });
    }
    return out.sort(compareOrdered);
  }

  rows(): Row[] {
    const out: Row[] = [];
    for (const [id, map] of this.rowsMap.entries()) out.push({ id, order: String(map.get('order') ?? '') });
    return out.sort(compareOrdered);
  }

  addColumn(spec: ColumnSpec, index = Number.POSITIVE_INFINITY): string {
    const id = spec.id ?? newItemId();
    this.doc.transact(() => {
      const column = new Y.Map<unknown>();
      column.set('order', orderKeyAt(this.columns(), index));
      column.set('kind', spec.kind);
      column.set('title', spec.title);
      if (spec.scale) column.set('scale', spec.scale);
      this.columnsMap.set(id, column);
      if (spec.kind === 'rich-text') {
        for (const row of this.rowsMap.values()) {
          const cells = row.get('cells') as Y.Map<unknown>;
          if (!cells.has(id)) cells.set(id, new Y.XmlFragment());
        }
      }
    });
    return id;
  }

  /** Add an empty row at `index` of the current order (default: last); returns its id. */
  addRow(index = Number.POSITIVE_INFINITY): string {
    const id = newItemId();
    this.doc.transact(() => {
      const row = new Y.Map<unknown>();
      const cells = new Y.Map<unknown>();
      for (const column of this.columns()) {
        if (column.kind === 'rich-text') cells.set(column.id, new Y.XmlFragment());
      }
      row.set('order', orderKeyAt(this.rows(), index));
      row.set('cells', cells);
      this.rowsMap.set(id, row);
    });
    return id;
  }

  /** Move a row so that it stands at `index` of the order without it. */
  moveRow(rowId: string, index: number): void {
    const row = this.rowsMap.get(rowId);
    if (!row) return;
    const others = this.rows().filter((r) => r.id !== rowId);
    row.set('order', orderKeyAt(others, index));
  }

  removeRow(rowId: string): void {
    this.rowsMap.delete(rowId);
  }

  /** The rich-text fragment of a cell, created if a column was added after the row. */
  richText(rowId: string, columnId: string): Y.XmlFragment | undefined {
    const cells = this.cells(rowId);
    if (!cells) return undefined;
    const value = cells.get(columnId);
    if (value instanceof Y.XmlFragment) return value;
    const fragment = new Y.XmlFragment();
    cells.set(columnId, fragment);
    return fragment;
  }

  status(rowId: string, columnId: string): string | undefined {
    const value = this.cells(rowId)?.get(columnId);
    return typeof value === 'string' ? value : undefined;
  }

  setStatus(rowId: string, columnId: string, key: string | undefined): void {
    const cells = this.cells(rowId);
    if (!cells) return;
    if (key === undefined) cells.delete(columnId);
    else cells.set(columnId, key);
  }

  /**
   * Call `listener` when rows or columns are added, moved, removed or a status changes;
   * typing inside a rich-text cell does not count (the cell's editor follows its own fragment).
   */
  observeStructure(listener: () => void): () => void {
    const onDeep = (events: Y.YEvent<any>[]) => {
      if (events.some((event) => event.target instanceof Y.Map)) listener();
    };
    this.rowsMap.observeDeep(onDeep);
    this.columnsMap.observeDeep(onDeep);
    return () => {
      this.rowsMap.unobserveDeep(onDeep);
      this.columnsMap.unobserveDeep(onDeep);
    };
  }

  private cells(rowId: string): Y.Map<unknown> | undefined {
    const cells = this.rowsMap.get(rowId)?.get('cells');
    return cells instanceof Y.Map ? cells : undefined;
  }
}
