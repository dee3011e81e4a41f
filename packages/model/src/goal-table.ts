import * as Y from 'yjs';
import { childCollection, listField, newCollection, observeStructure, OrderedCollection, textField } from './collection.ts';
import { writeMeta } from './meta.ts';
import type { Ordered } from './order.ts';
import { newItemId } from './ids.ts';
import { builtInScales, type StatusScale } from './scales.ts';

const isColour = (value: unknown): value is string => typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);

/**
 * Goal table layout (schema version 2):
 * - `meta`:    { type: 'goal-table', title, schemaVersion }
 * - `columns`: Y.Map<columnId, Y.Map{ order, kind, title, scale?, periods? }>
 *              periods (evaluation columns): Y.Map<periodId, Y.Map{ order, label }>
 * - `rows`:    Y.Map<rowId, Y.Map{ order, kind: 'item' | 'heading', heading?: Y.Text,
 *                                  cells: Y.Map<columnId, value>, links: Y.Array<string> }>
 * - `scales`:  custom status scales, Y.Map<scaleId, Y.Map{ name, steps: [{key,label,colour}] }>
 * Cell values by column kind: rich-text Y.XmlFragment; status string (scale step key); people
 * Y.Array<string>; schedule Y.Text; date 'YYYY-MM-DD'; number number; evaluation
 * Y.Map<periodId, string>. Shared values (fragments, texts, arrays, maps) are created with the
 * row, so two people filling a new row write into the same value instead of racing to create it.
 */
export const goalTableSchemaVersion = 2;

export const columnKinds = ['rich-text', 'status', 'people', 'schedule', 'date', 'number', 'evaluation'] as const;
export type ColumnKind = (typeof columnKinds)[number];

export interface ColumnSpec {
  id?: string;
  kind: ColumnKind;
  title: string;
  /** Status and evaluation columns: the id of the status scale. */
  scale?: string;
  /** Evaluation columns: one result per period, e.g. "Kevät 2021", "10/2020". */
  periods?: readonly string[];
}

export interface Period extends Ordered {
  label: string;
}

export interface Column extends Ordered {
  kind: ColumnKind;
  title: string;
  scale: string | undefined;
  periods: Period[];
}

export type RowKind = 'item' | 'heading';

export interface Row extends Ordered {
  kind: RowKind;
}

function isColumnKind(value: unknown): value is ColumnKind {
  return typeof value === 'string' && (columnKinds as readonly string[]).includes(value);
}

/** The shared value a new cell of `kind` starts with (undefined: plain values set later). */
function emptyCell(kind: ColumnKind): Y.AbstractType<any> | undefined {
  switch (kind) {
    case 'rich-text':
      return new Y.XmlFragment();
    case 'people':
      return new Y.Array<string>();
    case 'schedule':
      return new Y.Text();
    case 'evaluation':
      return new Y.Map<string>();
    default:
      return undefined;
  }
}

/** Typed access to a goal table's Y.Doc. Holds no state of its own: every read goes to the doc. */
export class GoalTable {
  readonly doc: Y.Doc;
  readonly columnsMap: Y.Map<Y.Map<unknown>>;
  readonly rowsMap: Y.Map<Y.Map<unknown>>;
  /** Custom status scales of this table: Y.Map<scaleId, Y.Map{ name, steps: [{key,label,colour}] }>. */
  readonly scalesMap: Y.Map<Y.Map<unknown>>;
  private readonly columnItems: OrderedCollection;
  private readonly rowItems: OrderedCollection;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.columnsMap = doc.getMap('columns');
    this.rowsMap = doc.getMap('rows');
    this.scalesMap = doc.getMap('scales');
    this.columnItems = new OrderedCollection(this.columnsMap);
    this.rowItems = new OrderedCollection(this.rowsMap);
  }

  /** Write meta and the given columns into an empty doc, with `rows` empty rows. */
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
    for (const { id, order } of this.columnItems.list()) {
      const map = this.columnsMap.get(id)!;
      const kind = map.get('kind');
      if (!isColumnKind(kind)) continue; // a kind from a newer version: leave it alone
      const scale = map.get('scale');
      const periods = map.get('periods');
      out.push({
        id,
        order,
        kind,
        title: String(map.get('title') ?? ''),
        scale: typeof scale === 'string' ? scale : undefined,
        periods: periods instanceof Y.Map ? this.periodsOf(periods as Y.Map<Y.Map<unknown>>) : [],
      });
    }
    return out;
  }

  private periodsOf(map: Y.Map<Y.Map<unknown>>): Period[] {
    const periods = new OrderedCollection(map);
    return periods.list().map((p) => ({ ...p, label: String(periods.get(p.id)!.get('label') ?? '') }));
  }

  rows(): Row[] {
    return this.rowItems.list().map((row) => ({ ...row, kind: this.rowsMap.get(row.id)!.get('kind') === 'heading' ? 'heading' : 'item' }));
  }

  addColumn(spec: ColumnSpec, index = Number.POSITIVE_INFINITY): string {
    let id = '';
    this.doc.transact(() => {
      id = this.columnItems.add(
        (column) => {
          column.set('kind', spec.kind);
          column.set('title', spec.title);
          if (spec.scale) column.set('scale', spec.scale);
          if (spec.kind === 'evaluation') {
            column.set('periods', newCollection((spec.periods ?? []).map((label) => (period) => period.set('label', label))));
          }
        },
        { index, ...(spec.id ? { id: spec.id } : {}) },
      );
      for (const row of this.rowsMap.values()) this.ensureCell(row, id, spec.kind);
    });
    return id;
  }

  /** The built-in scales and this table's own, in that order. */
  scales(): StatusScale[] {
    const custom: StatusScale[] = [];
    for (const [id, map] of this.scalesMap.entries()) {
      const name = String(map.get('name') ?? id);
      const steps = map.get('steps');
      if (!Array.isArray(steps)) continue;
      custom.push({
        id,
        name: { fi: name, sv: name, en: name },
        steps: steps
          .filter((s): s is { key: string; label: string; colour: string } => typeof s?.key === 'string' && typeof s?.label === 'string')
          .map((s) => ({ key: s.key, label: { fi: s.label, sv: s.label, en: s.label }, colour: isColour(s.colour) ? s.colour : '#4a5565' })),
      });
    }
    return [...builtInScales, ...custom.sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi'))];
  }

  /** A scale by id: built-in or this table's own. */
  scale(id: string): StatusScale | undefined {
    return this.scales().find((scale) => scale.id === id);
  }

  /**
   * Add a custom scale ("Ei / Osittain / Kyllä" with colours); returns its id. Its steps are one
   * value, written once: a scale is agreed before it is used, and editing it would re-colour
   * statuses people already set.
   */
  addScale(input: { name: string; steps: readonly { label: string; colour: string }[] }): string {
    const id = `custom-${newItemId()}`;
    const scale = new Y.Map<unknown>();
    scale.set('name', input.name);
    scale.set('steps', input.steps.map((step, index) => ({ key: `s${index + 1}`, label: step.label, colour: isColour(step.colour) ? step.colour : '#4a5565' })));
    this.scalesMap.set(id, scale);
    return id;
  }

  renameColumn(columnId: string, title: string): void {
    this.columnsMap.get(columnId)?.set('title', title);
  }

  moveColumn(columnId: string, index: number): void {
    this.columnItems.move(columnId, index);
  }

  /** Remove a column and its cells in every row. */
  removeColumn(columnId: string): void {
    this.doc.transact(() => {
      this.columnItems.remove(columnId);
      for (const row of this.rowsMap.values()) (row.get('cells') as Y.Map<unknown> | undefined)?.delete(columnId);
    });
  }

  /** Add an evaluation period to an evaluation column; returns its id. */
  addPeriod(columnId: string, label: string, index = Number.POSITIVE_INFINITY): string | undefined {
    const column = this.columnsMap.get(columnId);
    if (!column || column.get('kind') !== 'evaluation') return undefined;
    return childCollection(column, 'periods').add((period) => period.set('label', label), { index });
  }

  /** Add a row (an item, or a heading that groups the rows below it) at `index`; returns its id. */
  addRow(index = Number.POSITIVE_INFINITY, kind: RowKind = 'item', heading?: string): string {
    let id = '';
    this.doc.transact(() => {
      id = this.rowItems.add(
        (row) => {
          // `row` is not in the doc yet: write its parts whole, read nothing back.
          const cells = new Y.Map<unknown>();
          if (kind === 'item') {
            for (const column of this.columns()) {
              const empty = emptyCell(column.kind);
              if (empty) cells.set(column.id, empty);
            }
          }
          row.set('kind', kind);
          row.set('cells', cells);
          row.set('links', new Y.Array<string>());
          if (kind === 'heading') row.set('heading', new Y.Text(heading ?? ''));
        },
        { index },
      );
    });
    return id;
  }

  moveRow(rowId: string, index: number): void {
    this.rowItems.move(rowId, index);
  }

  removeRow(rowId: string): void {
    this.rowItems.remove(rowId);
  }

  /** The heading text of a heading row. */
  heading(rowId: string): Y.Text | undefined {
    const row = this.rowsMap.get(rowId);
    return row?.get('kind') === 'heading' ? textField(row, 'heading') : undefined;
  }

  /** The rich-text fragment of a cell (created if a column was added concurrently with the row). */
  richText(rowId: string, columnId: string): Y.XmlFragment | undefined {
    return this.sharedCell(rowId, columnId, Y.XmlFragment);
  }

  people(rowId: string, columnId: string): Y.Array<string> | undefined {
    return this.sharedCell(rowId, columnId, Y.Array) as Y.Array<string> | undefined;
  }

  schedule(rowId: string, columnId: string): Y.Text | undefined {
    return this.sharedCell(rowId, columnId, Y.Text);
  }

  evaluation(rowId: string, columnId: string): Y.Map<string> | undefined {
    return this.sharedCell(rowId, columnId, Y.Map) as Y.Map<string> | undefined;
  }

  status(rowId: string, columnId: string): string | undefined {
    const value = this.cells(rowId)?.get(columnId);
    return typeof value === 'string' ? value : undefined;
  }

  setStatus(rowId: string, columnId: string, key: string | undefined): void {
    this.setValue(rowId, columnId, key);
  }

  value(rowId: string, columnId: string): string | number | undefined {
    const value = this.cells(rowId)?.get(columnId);
    return typeof value === 'string' || typeof value === 'number' ? value : undefined;
  }

  /** Date ('YYYY-MM-DD'), number or status cells; undefined clears. */
  setValue(rowId: string, columnId: string, value: string | number | undefined): void {
    const cells = this.cells(rowId);
    if (!cells) return;
    if (value === undefined) cells.delete(columnId);
    else cells.set(columnId, value);
  }

  /** Links from a row to items of other documents ("documentId#itemId"), see links.ts. */
  links(rowId: string): Y.Array<string> | undefined {
    const row = this.rowsMap.get(rowId);
    return row ? listField(row, 'links') : undefined;
  }

  /**
   * Call `listener` when rows or columns are added, moved, removed or a value changes; typing
   * inside a text cell does not count (its editor follows the text itself).
   */
  observeStructure(listener: () => void): () => void {
    return observeStructure([this.rowsMap, this.columnsMap, this.scalesMap], listener);
  }

  private cells(rowId: string): Y.Map<unknown> | undefined {
    const cells = this.rowsMap.get(rowId)?.get('cells');
    return cells instanceof Y.Map ? cells : undefined;
  }

  private ensureCell(row: Y.Map<unknown>, columnId: string, kind: ColumnKind): void {
    if (row.get('kind') === 'heading') return;
    const cells = row.get('cells') as Y.Map<unknown>;
    const empty = emptyCell(kind);
    if (empty && !cells.has(columnId)) cells.set(columnId, empty);
  }

  private sharedCell<T extends Y.AbstractType<any>>(rowId: string, columnId: string, type: new () => T): T | undefined {
    const cells = this.cells(rowId);
    if (!cells) return undefined;
    const value = cells.get(columnId);
    if (value instanceof type) return value;
    const created = new type();
    cells.set(columnId, created);
    return created;
  }
}
