import * as Y from 'yjs';
import { actionStatuses, sectionFields, type ActionStatus, type SectionField } from './action-plan.ts';
import { compareOrdered, type Ordered } from './order.ts';
import { columnKinds, type ColumnKind } from './goal-table.ts';
import { parseLink, type ItemRef } from './links.ts';
import { isDocumentType, metaMap, type DocumentType } from './meta.ts';
import { fragmentToRichText, type RichText } from './rich-json.ts';
import { builtInScales, type LocalizedText, type StatusScale } from './scales.ts';
import { channels as allChannels, stageFields, type Channel, type StageField } from './service-path.ts';

/**
 * A plain-JSON, layout-independent view of one document: what a snapshot stores beside the Yjs
 * state, so a report never depends on code that interprets old layouts. Every item carries its
 * stable id; lists are in display order. Reading never writes to the doc.
 */
export interface MaterialisedMeta {
  title: string;
  schemaVersion: number;
}

export interface MaterialisedScale {
  id: string;
  name: LocalizedText;
  steps: { key: string; label: LocalizedText; colour: string }[];
}

export interface MaterialisedPeriod {
  id: string;
  label: string;
}

export interface MaterialisedColumn {
  id: string;
  kind: ColumnKind;
  title: string;
  /** Status and evaluation columns: the scale, whole (null when the column has none or it is unknown). */
  scale: MaterialisedScale | null;
  /** Evaluation columns: the periods in order. */
  periods: MaterialisedPeriod[];
}

/**
 * A cell by column kind: rich-text RichText; status the step key; people string[]; schedule string;
 * date 'YYYY-MM-DD'; number number; evaluation { periodId: result }. Null when unset.
 */
export type MaterialisedCell = RichText | string | string[] | number | Record<string, string> | null;

export interface MaterialisedRow {
  id: string;
  kind: 'item' | 'heading';
  /** Heading rows: the heading text. */
  heading: string | null;
  cells: Record<string, MaterialisedCell>;
  links: ItemRef[];
}

export interface MaterialisedGoalTable {
  type: 'goal-table';
  meta: MaterialisedMeta;
  columns: MaterialisedColumn[];
  rows: MaterialisedRow[];
  /** The table's own (custom) scales; built-in ones appear inside their columns. */
  scales: MaterialisedScale[];
}

export interface MaterialisedAction {
  id: string;
  text: RichText;
  status: ActionStatus;
  start: string | null;
  end: string | null;
  responsible: string[];
  links: ItemRef[];
}

export interface MaterialisedSection {
  id: string;
  title: string;
  fields: Record<SectionField, RichText>;
  actions: MaterialisedAction[];
}

export interface MaterialisedActionPlan {
  type: 'action-plan';
  meta: MaterialisedMeta;
  sections: MaterialisedSection[];
}

export interface MaterialisedStageItem {
  id: string;
  text: RichText;
  links: ItemRef[];
}

export interface MaterialisedStage {
  id: string;
  title: string;
  fields: Record<StageField, RichText>;
  channels: Channel[];
  /** Notes per lane id (only lanes that exist). */
  laneNotes: Record<string, RichText>;
  painPoints: MaterialisedStageItem[];
  ideas: MaterialisedStageItem[];
}

export interface MaterialisedServicePath {
  type: 'service-path';
  meta: MaterialisedMeta;
  lanes: { id: string; title: string }[];
  stages: MaterialisedStage[];
}

export type MaterialisedDocument = MaterialisedGoalTable | MaterialisedActionPlan | MaterialisedServicePath;

export class UnmaterialisableDocumentError extends Error {}

// --- reading helpers that never create anything -------------------------------------------------

type YMap = Y.Map<unknown>;

function ordered(map: unknown): { id: string; item: YMap }[] {
  if (!(map instanceof Y.Map)) return [];
  const list: (Ordered & { item: YMap })[] = [];
  for (const [id, item] of (map as YMap).entries()) {
    if (item instanceof Y.Map) list.push({ id, order: String(item.get('order') ?? ''), item });
  }
  return list.sort(compareOrdered).map(({ id, item }) => ({ id, item }));
}

function rich(value: unknown): RichText {
  return value instanceof Y.XmlFragment ? fragmentToRichText(value) : [];
}

function text(value: unknown): string {
  if (value instanceof Y.Text) return value.toString();
  return typeof value === 'string' ? value : '';
}

function strings(value: unknown): string[] {
  if (value instanceof Y.Array) return value.toArray().filter((v): v is string => typeof v === 'string');
  return [];
}

function links(value: unknown): ItemRef[] {
  const seen = new Set<string>();
  const out: ItemRef[] = [];
  for (const raw of strings(value)) {
    const ref = parseLink(raw);
    const key = ref && `${ref.documentId}#${ref.itemId}`;
    if (ref && key && !seen.has(key)) {
      seen.add(key);
      out.push(ref);
    }
  }
  return out;
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

// --- goal table -----------------------------------------------------------------------------------

const isColour = (value: unknown): value is string => typeof value === 'string' && /^#[0-9a-f]{6}$/i.test(value);

function fromStatusScale(scale: StatusScale): MaterialisedScale {
  return { id: scale.id, name: { ...scale.name }, steps: scale.steps.map((s) => ({ key: s.key, label: { ...s.label }, colour: s.colour })) };
}

function customScales(doc: Y.Doc): MaterialisedScale[] {
  const out: MaterialisedScale[] = [];
  for (const [id, map] of doc.getMap('scales').entries()) {
    if (!(map instanceof Y.Map)) continue;
    const steps = map.get('steps');
    if (!Array.isArray(steps)) continue;
    const name = typeof map.get('name') === 'string' ? (map.get('name') as string) : id;
    out.push({
      id,
      name: { fi: name, sv: name, en: name },
      steps: steps
        .filter((s): s is { key: string; label: string; colour?: unknown } => typeof s?.key === 'string' && typeof s?.label === 'string')
        .map((s) => ({ key: s.key, label: { fi: s.label, sv: s.label, en: s.label }, colour: isColour(s.colour) ? s.colour : '#4a5565' })),
    });
  }
  return out.sort((a, b) => a.name.fi.localeCompare(b.name.fi, 'fi') || (a.id < b.id ? -1 : 1));
}

function cellValue(kind: ColumnKind, value: unknown): MaterialisedCell {
  switch (kind) {
    case 'rich-text':
      return rich(value);
    case 'status':
    case 'date':
      return optionalString(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    case 'people':
      return strings(value);
    case 'schedule':
      return text(value);
    case 'evaluation': {
      const out: Record<string, string> = {};
      if (value instanceof Y.Map) for (const [periodId, result] of (value as YMap).entries()) if (typeof result === 'string') out[periodId] = result;
      return out;
    }
  }
}

function materialiseGoalTable(doc: Y.Doc, meta: MaterialisedMeta): MaterialisedGoalTable {
  const scales = customScales(doc);
  const scaleById = new Map<string, MaterialisedScale>([...builtInScales.map((s) => [s.id, fromStatusScale(s)] as const), ...scales.map((s) => [s.id, s] as const)]);
  const columns: MaterialisedColumn[] = [];
  for (const { id, item } of ordered(doc.getMap('columns'))) {
    const kind = item.get('kind');
    if (typeof kind !== 'string' || !(columnKinds as readonly string[]).includes(kind)) continue; // a newer kind: leave it out
    const scaleId = item.get('scale');
    columns.push({
      id,
      kind: kind as ColumnKind,
      title: text(item.get('title')),
      scale: typeof scaleId === 'string' ? (scaleById.get(scaleId) ?? null) : null,
      periods: kind === 'evaluation' ? ordered(item.get('periods')).map((p) => ({ id: p.id, label: text(p.item.get('label')) })) : [],
    });
  }
  const rows: MaterialisedRow[] = ordered(doc.getMap('rows')).map(({ id, item }) => {
    const heading = item.get('kind') === 'heading';
    const cellsMap = item.get('cells');
    const cells: Record<string, MaterialisedCell> = {};
    if (!heading) for (const column of columns) cells[column.id] = cellValue(column.kind, cellsMap instanceof Y.Map ? cellsMap.get(column.id) : undefined);
    return { id, kind: heading ? 'heading' : 'item', heading: heading ? text(item.get('heading')) : null, cells, links: links(item.get('links')) };
  });
  return { type: 'goal-table', meta, columns, rows, scales };
}

// --- action plan and service path -----------------------------------------------------------------

function materialiseActionPlan(doc: Y.Doc, meta: MaterialisedMeta): MaterialisedActionPlan {
  const sections = ordered(doc.getMap('sections')).map(({ id, item }): MaterialisedSection => {
    const fields = Object.fromEntries(sectionFields.map((field) => [field, rich(item.get(field))])) as Record<SectionField, RichText>;
    const actions = ordered(item.get('actions')).map(({ id: actionId, item: action }): MaterialisedAction => {
      const status = action.get('status');
      return {
        id: actionId,
        text: rich(action.get('text')),
        status: (actionStatuses as readonly unknown[]).includes(status) ? (status as ActionStatus) : 'planned',
        start: optionalString(action.get('start')),
        end: optionalString(action.get('end')),
        responsible: strings(action.get('responsible')),
        links: links(action.get('links')),
      };
    });
    return { id, title: text(item.get('title')), fields, actions };
  });
  return { type: 'action-plan', meta, sections };
}

function stageItems(value: unknown): MaterialisedStageItem[] {
  return ordered(value).map(({ id, item }) => ({ id, text: rich(item.get('text')), links: links(item.get('links')) }));
}

function materialiseServicePath(doc: Y.Doc, meta: MaterialisedMeta): MaterialisedServicePath {
  const lanes = ordered(doc.getMap('lanes')).map(({ id, item }) => ({ id, title: text(item.get('title')) }));
  const stages = ordered(doc.getMap('stages')).map(({ id, item }): MaterialisedStage => {
    const fields = Object.fromEntries(stageFields.map((field) => [field, rich(item.get(field))])) as Record<StageField, RichText>;
    const present = strings(item.get('channels'));
    const notesMap = item.get('laneNotes');
    const laneNotes: Record<string, RichText> = {};
    if (notesMap instanceof Y.Map) for (const lane of lanes) if (notesMap.get(lane.id) instanceof Y.XmlFragment) laneNotes[lane.id] = rich(notesMap.get(lane.id));
    return {
      id,
      title: text(item.get('title')),
      fields,
      channels: allChannels.filter((channel) => present.includes(channel)),
      laneNotes,
      painPoints: stageItems(item.get('painPoints')),
      ideas: stageItems(item.get('ideas')),
    };
  });
  return { type: 'service-path', meta, lanes, stages };
}

/**
 * The document as plain JSON. Throws UnmaterialisableDocumentError only when `meta` names no known
 * document type (a document of a newer type, or an empty doc); root types the model does not know
 * are ignored.
 */
export function materialiseDocument(doc: Y.Doc): MaterialisedDocument {
  const metaRaw = metaMap(doc);
  const type = metaRaw.get('type');
  if (!isDocumentType(type)) throw new UnmaterialisableDocumentError(`Document type ${JSON.stringify(String(type))} cannot be materialised`);
  const schemaVersion = metaRaw.get('schemaVersion');
  const meta: MaterialisedMeta = { title: text(metaRaw.get('title')), schemaVersion: typeof schemaVersion === 'number' ? schemaVersion : 0 };
  const byType: Record<DocumentType, (d: Y.Doc, m: MaterialisedMeta) => MaterialisedDocument> = {
    'goal-table': materialiseGoalTable,
    'action-plan': materialiseActionPlan,
    'service-path': materialiseServicePath,
  };
  return byType[type](doc, meta);
}
