import { diffArrays, diffWords } from 'diff';
import type { Change, ChangeAuthor, DocumentChanges, ItemKind, StatusValue, VersionChanges, WordDiffPart } from './changes.ts';
import type {
  MaterialisedActionPlan,
  MaterialisedCell,
  MaterialisedColumn,
  MaterialisedDocument,
  MaterialisedGoalTable,
  MaterialisedScale,
  MaterialisedServicePath,
} from './materialise.ts';
import { richTextPlain, type RichText } from './rich-json.ts';
import type { SectionField } from './action-plan.ts';
import type { StageField } from './service-path.ts';

/** One side of a comparison: a version's documents, as its snapshot stored them. */
export interface VersionSide {
  version: number;
  documents: readonly { id: string; title: string; content: MaterialisedDocument }[];
}

/** Who made a change: the users credited with the structs under an item (or one field of it). */
export interface ChangeAttribution {
  authors(documentId: string, itemId: string, field?: string): ChangeAuthor[];
}

export const noAttribution: ChangeAttribution = { authors: () => [] };

/** Action states as a scale, so their changes read like any status change. */
const actionStatusScale: MaterialisedScale = {
  id: 'action-status',
  name: { fi: 'Tila', sv: 'Status', en: 'Status' },
  steps: [
    { key: 'planned', label: { fi: 'Suunniteltu', sv: 'Planerad', en: 'Planned' }, colour: '#6b6b6b' },
    { key: 'ongoing', label: { fi: 'Käynnissä', sv: 'Pågående', en: 'Ongoing' }, colour: '#1f5fa8' },
    { key: 'done', label: { fi: 'Valmis', sv: 'Klar', en: 'Done' }, colour: '#1d6b35' },
  ],
};

/** Field names shown with a change (Finnish; `field` carries the key for renderers that translate). */
const fieldLabels: Record<string, string> = {
  title: 'Otsikko', heading: 'Väliotsikko', text: 'Toimenpide', status: 'Tila', start: 'Alkaa', end: 'Päättyy', responsible: 'Vastuuhenkilöt',
  goals: 'Tavoitteet', outputs: 'Tuotokset', impacts: 'Vaikutukset', metrics: 'Mittarit', notes: 'Huomiot',
  clientActions: 'Asiakkaan toiminta', experience: 'Asiakkaan kokemus', professionals: 'Ammattilaiset', services: 'Palvelut', systems: 'Järjestelmät', channels: 'Kanavat',
};
const labelOf = (field: string) => fieldLabels[field] ?? field;

// Finnish and Swedish compounds and ä/ö/å stay whole words: segment by the language's rules.
const segmenter = new Intl.Segmenter('fi', { granularity: 'word' });

/** A word-level diff of two plain texts. */
export function wordDiff(from: string, to: string): WordDiffPart[] {
  return diffWords(from, to, { intlSegmenter: segmenter }).map((part) => ({ op: part.added ? 'insert' : part.removed ? 'delete' : 'equal', text: part.value }));
}

/**
 * What changed between two versions of a workshop, item by item, keyed by stable ids (never by
 * position): items added, removed and moved, status changes with both values and their labels,
 * text changes as word diffs, other values old → new; each credited through `attribution`.
 * `from` null compares with nothing (everything in `to` is added).
 */
export function diffVersions(from: VersionSide | null, to: VersionSide, attribution: ChangeAttribution = noAttribution): VersionChanges {
  const before = new Map((from?.documents ?? []).map((d) => [d.id, d]));
  const after = new Map(to.documents.map((d) => [d.id, d]));
  const documents: DocumentChanges[] = [];
  for (const document of to.documents) {
    const old = before.get(document.id);
    const recorder = new ChangeRecorder(document.id, attribution);
    if (!old) documents.push({ documentId: document.id, title: document.title, type: document.content.type, status: 'added', changes: [] });
    else {
      diffDocument(old.content, document.content, recorder);
      documents.push({ documentId: document.id, title: document.title, type: document.content.type, status: recorder.changes.length > 0 ? 'changed' : 'unchanged', changes: recorder.changes });
    }
  }
  for (const document of from?.documents ?? []) {
    if (!after.has(document.id)) documents.push({ documentId: document.id, title: document.title, type: document.content.type, status: 'removed', changes: [] });
  }
  return { from: from?.version ?? null, to: to.version, documents };
}

class ChangeRecorder {
  readonly changes: Change[] = [];
  private readonly documentId: string;
  private readonly attribution: ChangeAttribution;
  constructor(documentId: string, attribution: ChangeAttribution) {
    this.documentId = documentId;
    this.attribution = attribution;
  }
  by(itemId: string, field?: string): ChangeAuthor[] {
    return this.attribution.authors(this.documentId, itemId, field);
  }
  /** Added, removed and moved items of one ordered list, matched by id. */
  items<T extends { id: string }>(itemKind: (item: T) => ItemKind, from: readonly T[], to: readonly T[], label: (item: T) => string): T[][] {
    const fromIds = new Set(from.map((item) => item.id));
    const toIds = new Set(to.map((item) => item.id));
    for (const item of to) if (!fromIds.has(item.id)) this.changes.push({ kind: 'item-added', itemKind: itemKind(item), itemId: item.id, label: label(item), by: this.by(item.id) });
    for (const item of from) if (!toIds.has(item.id)) this.changes.push({ kind: 'item-removed', itemKind: itemKind(item), itemId: item.id, label: label(item), by: this.by(item.id) });
    const common = (items: readonly T[], other: Set<string>) => items.filter((item) => other.has(item.id)).map((item) => item.id);
    // Items outside the longest common order are the ones that moved.
    const moved = new Set<string>();
    for (const part of diffArrays(common(from, toIds), common(to, fromIds))) if (part.added) for (const id of part.value) moved.add(id);
    const byId = new Map(from.map((item) => [item.id, item]));
    const pairs: T[][] = [];
    for (const item of to) {
      if (moved.has(item.id)) this.changes.push({ kind: 'item-moved', itemKind: itemKind(item), itemId: item.id, label: label(item), by: this.by(item.id) });
      const old = byId.get(item.id);
      if (old) pairs.push([old, item]);
    }
    return pairs;
  }
  text(itemKind: ItemKind, itemId: string, label: string, field: string, fieldLabel: string, from: string, to: string): void {
    if (from === to) return;
    this.changes.push({ kind: 'text-changed', itemKind, itemId, label, field, fieldLabel, diff: wordDiff(from, to), by: this.by(itemId, field) });
  }
  value(itemKind: ItemKind, itemId: string, label: string, field: string, fieldLabel: string, from: string | null, to: string | null): void {
    if (from === to) return;
    this.changes.push({ kind: 'value-changed', itemKind, itemId, label, field, fieldLabel, from, to, by: this.by(itemId, field) });
  }
  status(
    itemKind: ItemKind, itemId: string, label: string, field: string, fieldLabel: string,
    values: { from: string | null; to: string | null; fromScale: MaterialisedScale | null; toScale: MaterialisedScale | null; periodId?: string },
  ): void {
    if (values.from === values.to) return;
    this.changes.push({
      kind: 'status-changed', itemKind, itemId, label, field, fieldLabel,
      ...(values.periodId ? { periodId: values.periodId } : {}),
      from: statusValue(values.fromScale, values.from), to: statusValue(values.toScale, values.to),
      by: this.by(itemId, values.periodId ?? field),
    });
  }
}

function statusValue(scale: MaterialisedScale | null, value: string | null): StatusValue | null {
  if (value === null || value === '') return null;
  const step = scale?.steps.find((candidate) => candidate.key === value);
  return { scaleId: scale?.id ?? '', value, label: step?.label ?? { fi: value, sv: value, en: value }, ...(step ? { color: step.colour } : {}) };
}

const plain = (value: unknown): string => (Array.isArray(value) ? richTextPlain(value as RichText) : typeof value === 'string' ? value : '').trim();

function diffDocument(from: MaterialisedDocument, to: MaterialisedDocument, recorder: ChangeRecorder): void {
  if (from.type === 'goal-table' && to.type === 'goal-table') diffGoalTable(from, to, recorder);
  else if (from.type === 'action-plan' && to.type === 'action-plan') diffActionPlan(from, to, recorder);
  else if (from.type === 'service-path' && to.type === 'service-path') diffServicePath(from, to, recorder);
}

/** A row's name in a change list: its heading, or its first rich-text cell. */
function rowLabel(table: MaterialisedGoalTable, row: MaterialisedGoalTable['rows'][number]): string {
  if (row.kind === 'heading') return row.heading ?? '';
  for (const column of table.columns) {
    const text = column.kind === 'rich-text' ? plain(row.cells[column.id]) : '';
    if (text) return text.split('\n')[0]!;
  }
  return '';
}

function cellText(column: MaterialisedColumn, cell: MaterialisedCell | undefined): string | null {
  if (cell === undefined || cell === null) return null;
  if (column.kind === 'people' && Array.isArray(cell)) return (cell as string[]).join(', ');
  if (typeof cell === 'number') return String(cell);
  return typeof cell === 'string' ? cell : JSON.stringify(cell);
}

function diffGoalTable(from: MaterialisedGoalTable, to: MaterialisedGoalTable, recorder: ChangeRecorder): void {
  const columns = recorder.items(() => 'column', from.columns, to.columns, (column) => column.title);
  for (const [old, column] of columns) {
    recorder.value('column', column!.id, column!.title, 'title', labelOf('title'), old!.title, column!.title);
    for (const [oldPeriod, period] of recorder.items(() => 'period', old!.periods, column!.periods, (p) => p.label)) {
      recorder.value('period', period!.id, period!.label, 'label', 'Kausi', oldPeriod!.label, period!.label);
    }
  }
  const fromColumns = new Map(from.columns.map((column) => [column.id, column]));
  const rows = recorder.items((row) => (row.kind === 'heading' ? 'heading' : 'row'), from.rows, to.rows, (row) => rowLabel(to, row));
  for (const [old, row] of rows) {
    const label = rowLabel(to, row!);
    const kind: ItemKind = row!.kind === 'heading' ? 'heading' : 'row';
    if (row!.kind === 'heading' || old!.kind === 'heading') recorder.text(kind, row!.id, label, 'heading', labelOf('heading'), old!.heading ?? '', row!.heading ?? '');
    for (const column of to.columns) {
      const oldColumn = fromColumns.get(column.id);
      if (!oldColumn) continue; // a new column's cells are part of the column's addition
      const before = old!.cells[column.id];
      const after = row!.cells[column.id];
      if (column.kind === 'status') {
        recorder.status(kind, row!.id, label, column.id, column.title, {
          from: typeof before === 'string' ? before : null, to: typeof after === 'string' ? after : null, fromScale: oldColumn.scale, toScale: column.scale,
        });
      } else if (column.kind === 'evaluation') {
        const b = (before && typeof before === 'object' && !Array.isArray(before) ? before : {}) as Record<string, string>;
        const a = (after && typeof after === 'object' && !Array.isArray(after) ? after : {}) as Record<string, string>;
        for (const period of column.periods) {
          recorder.status(kind, row!.id, label, column.id, `${column.title}: ${period.label}`, {
            from: b[period.id] ?? null, to: a[period.id] ?? null, fromScale: oldColumn.scale, toScale: column.scale, periodId: period.id,
          });
        }
      } else if (column.kind === 'rich-text') recorder.text(kind, row!.id, label, column.id, column.title, plain(before), plain(after));
      else recorder.value(kind, row!.id, label, column.id, column.title, cellText(oldColumn, before), cellText(column, after));
    }
  }
}

function diffActionPlan(from: MaterialisedActionPlan, to: MaterialisedActionPlan, recorder: ChangeRecorder): void {
  for (const [old, section] of recorder.items(() => 'section', from.sections, to.sections, (s) => s.title)) {
    recorder.value('section', section!.id, section!.title, 'title', labelOf('title'), old!.title, section!.title);
    for (const field of Object.keys(section!.fields) as SectionField[]) {
      recorder.text('section', section!.id, section!.title, field, labelOf(field), plain(old!.fields[field]), plain(section!.fields[field]));
    }
  }
  // Actions are matched across sections: one moved to another theme is a move, not a removal.
  const fromActions = from.sections.flatMap((s) => s.actions.map((a) => ({ ...a, sectionId: s.id })));
  const toActions = to.sections.flatMap((s) => s.actions.map((a) => ({ ...a, sectionId: s.id })));
  const pairs = recorder.items(() => 'action', fromActions, toActions, (a) => plain(a.text));
  for (const [old, action] of pairs) {
    const label = plain(action!.text);
    if (old!.sectionId !== action!.sectionId && !recorder.changes.some((c) => c.kind === 'item-moved' && c.itemId === action!.id)) {
      recorder.changes.push({ kind: 'item-moved', itemKind: 'action', itemId: action!.id, label, by: recorder.by(action!.id) });
    }
    recorder.text('action', action!.id, label, 'text', labelOf('text'), plain(old!.text), label);
    recorder.status('action', action!.id, label, 'status', labelOf('status'), { from: old!.status, to: action!.status, fromScale: actionStatusScale, toScale: actionStatusScale });
    recorder.value('action', action!.id, label, 'start', labelOf('start'), old!.start, action!.start);
    recorder.value('action', action!.id, label, 'end', labelOf('end'), old!.end, action!.end);
    recorder.value('action', action!.id, label, 'responsible', labelOf('responsible'), old!.responsible.join(', ') || null, action!.responsible.join(', ') || null);
  }
}

function diffServicePath(from: MaterialisedServicePath, to: MaterialisedServicePath, recorder: ChangeRecorder): void {
  for (const [old, lane] of recorder.items(() => 'lane', from.lanes, to.lanes, (l) => l.title)) {
    recorder.value('lane', lane!.id, lane!.title, 'title', labelOf('title'), old!.title, lane!.title);
  }
  for (const [old, stage] of recorder.items(() => 'stage', from.stages, to.stages, (s) => s.title)) {
    const label = stage!.title;
    recorder.value('stage', stage!.id, label, 'title', labelOf('title'), old!.title, stage!.title);
    for (const field of Object.keys(stage!.fields) as StageField[]) {
      recorder.text('stage', stage!.id, label, field, labelOf(field), plain(old!.fields[field]), plain(stage!.fields[field]));
    }
    recorder.value('stage', stage!.id, label, 'channels', labelOf('channels'), old!.channels.join(', ') || null, stage!.channels.join(', ') || null);
    for (const laneId of new Set([...Object.keys(old!.laneNotes), ...Object.keys(stage!.laneNotes)])) {
      const laneTitle = to.lanes.find((l) => l.id === laneId)?.title ?? laneId;
      recorder.text('stage', stage!.id, label, laneId, laneTitle, plain(old!.laneNotes[laneId]), plain(stage!.laneNotes[laneId]));
    }
    for (const [list, kind] of [['painPoints', 'pain-point'], ['ideas', 'idea']] as const) {
      for (const [oldItem, item] of recorder.items(() => kind, old![list], stage![list], (i) => plain(i.text))) {
        recorder.text(kind, item!.id, plain(item!.text), 'text', 'Teksti', plain(oldItem!.text), plain(item!.text));
      }
    }
  }
}
