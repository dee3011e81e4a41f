import * as Y from 'yjs';
import { childCollection, listField, observeStructure, OrderedCollection, richField, textField } from './collection.ts';
import { writeMeta } from './meta.ts';
import type { Ordered } from './order.ts';
import { writeParagraphs } from './action-plan.ts';

/**
 * Service path layout (schema version 1), enough to draw a journey map:
 * - `meta`:   { type: 'service-path', title, schemaVersion }
 * - `lanes`:  optional swimlanes per actor, Y.Map<laneId, Y.Map{ order, title: Y.Text }>
 * - `stages`: Y.Map<stageId, Y.Map{ order, title: Y.Text,
 *               clientActions, experience, professionals, services, systems: Y.XmlFragment,
 *               channels: Y.Array<'in-person' | 'phone' | 'digital' | 'written'>,
 *               laneNotes: Y.Map<laneId, Y.XmlFragment>,
 *               painPoints, ideas: Y.Map<itemId, Y.Map{ order, text: Y.XmlFragment, links: Y.Array<string> }> }>
 */
export const servicePathSchemaVersion = 1;

export const stageFields = ['clientActions', 'experience', 'professionals', 'services', 'systems'] as const;
export type StageField = (typeof stageFields)[number];

export const channels = ['in-person', 'phone', 'digital', 'written'] as const;
export type Channel = (typeof channels)[number];

export type StageListKind = 'painPoints' | 'ideas';

export interface StageSpec {
  title: string;
  fields?: Partial<Record<StageField, string>>;
  channels?: Channel[];
}

export class ServicePath {
  readonly doc: Y.Doc;
  readonly stagesMap: Y.Map<Y.Map<unknown>>;
  readonly lanesMap: Y.Map<Y.Map<unknown>>;
  private readonly stages: OrderedCollection;
  private readonly lanes: OrderedCollection;

  constructor(doc: Y.Doc) {
    this.doc = doc;
    this.stagesMap = doc.getMap('stages');
    this.lanesMap = doc.getMap('lanes');
    this.stages = new OrderedCollection(this.stagesMap);
    this.lanes = new OrderedCollection(this.lanesMap);
  }

  static create(doc: Y.Doc, init: { title: string; stages: readonly StageSpec[]; lanes?: readonly string[] }): ServicePath {
    const path = new ServicePath(doc);
    doc.transact(() => {
      writeMeta(doc, { type: 'service-path', title: init.title, schemaVersion: servicePathSchemaVersion });
      for (const lane of init.lanes ?? []) path.addLane(lane);
      for (const stage of init.stages) path.addStage(stage);
    });
    return path;
  }

  stageIds(): string[] {
    return this.stages.ids();
  }

  laneIds(): string[] {
    return this.lanes.ids();
  }

  addLane(title: string, index?: number): string {
    return this.lanes.add((lane) => lane.set('title', new Y.Text(title)), index === undefined ? {} : { index });
  }

  laneTitle(id: string): Y.Text | undefined {
    const lane = this.lanesMap.get(id);
    return lane && textField(lane, 'title');
  }

  moveLane(id: string, index: number): void {
    this.lanes.move(id, index);
  }

  removeLane(id: string): void {
    this.doc.transact(() => {
      this.lanes.remove(id);
      for (const stage of this.stagesMap.values()) (stage.get('laneNotes') as Y.Map<unknown> | undefined)?.delete(id);
    });
  }

  addStage(spec: StageSpec, index?: number): string {
    let id = '';
    this.doc.transact(() => {
      id = this.stages.add(
        (stage) => {
          stage.set('title', new Y.Text(spec.title));
          for (const field of stageFields) stage.set(field, new Y.XmlFragment());
          stage.set('channels', new Y.Array<string>());
          stage.set('laneNotes', new Y.Map());
          stage.set('painPoints', new Y.Map());
          stage.set('ideas', new Y.Map());
        },
        index === undefined ? {} : { index },
      );
      const stage = this.stagesMap.get(id)!;
      for (const [field, text] of Object.entries(spec.fields ?? {})) if (text) writeParagraphs(stage.get(field) as Y.XmlFragment, text);
      if (spec.channels?.length) (stage.get('channels') as Y.Array<string>).push(spec.channels);
    });
    return id;
  }

  moveStage(id: string, index: number): void {
    this.stages.move(id, index);
  }

  removeStage(id: string): void {
    this.stages.remove(id);
  }

  stageTitle(id: string): Y.Text | undefined {
    const stage = this.stagesMap.get(id);
    return stage && textField(stage, 'title');
  }

  stageField(id: string, field: StageField): Y.XmlFragment | undefined {
    const stage = this.stagesMap.get(id);
    return stage && richField(stage, field);
  }

  /** The stage's channels, each at most once (a concurrent double add is shown once). */
  channels(id: string): Channel[] {
    const stage = this.stagesMap.get(id);
    if (!stage) return [];
    const values = listField(stage, 'channels').toArray();
    return channels.filter((channel) => values.includes(channel));
  }

  setChannel(id: string, channel: Channel, on: boolean): void {
    const stage = this.stagesMap.get(id);
    if (!stage) return;
    const list = listField(stage, 'channels');
    this.doc.transact(() => {
      const values = list.toArray();
      for (let i = values.length - 1; i >= 0; i--) if (values[i] === channel) list.delete(i, 1);
      if (on) list.push([channel]);
    });
  }

  laneNote(stageId: string, laneId: string): Y.XmlFragment | undefined {
    const stage = this.stagesMap.get(stageId);
    if (!stage || !this.lanesMap.has(laneId)) return undefined;
    let notes = stage.get('laneNotes');
    if (!(notes instanceof Y.Map)) stage.set('laneNotes', (notes = new Y.Map()));
    const map = notes as Y.Map<unknown>;
    const value = map.get(laneId);
    if (value instanceof Y.XmlFragment) return value;
    const fragment = new Y.XmlFragment();
    map.set(laneId, fragment);
    return fragment;
  }

  private list(stageId: string, kind: StageListKind): OrderedCollection | undefined {
    const stage = this.stagesMap.get(stageId);
    return stage && childCollection(stage, kind);
  }

  /** Pain points or development ideas of a stage, in order. */
  items(stageId: string, kind: StageListKind): Ordered[] {
    return this.list(stageId, kind)?.list() ?? [];
  }

  addItem(stageId: string, kind: StageListKind, text = ''): string | undefined {
    const list = this.list(stageId, kind);
    if (!list) return undefined;
    let id = '';
    this.doc.transact(() => {
      id = list.add((item) => {
        item.set('text', new Y.XmlFragment());
        item.set('links', new Y.Array<string>());
      });
      if (text) writeParagraphs(list.get(id)!.get('text') as Y.XmlFragment, text);
    });
    return id;
  }

  itemText(stageId: string, kind: StageListKind, itemId: string): Y.XmlFragment | undefined {
    const item = this.list(stageId, kind)?.get(itemId);
    return item && richField(item, 'text');
  }

  itemLinks(stageId: string, kind: StageListKind, itemId: string): Y.Array<string> | undefined {
    const item = this.list(stageId, kind)?.get(itemId);
    return item && listField(item, 'links');
  }

  moveItem(stageId: string, kind: StageListKind, itemId: string, index: number): void {
    this.list(stageId, kind)?.move(itemId, index);
  }

  removeItem(stageId: string, kind: StageListKind, itemId: string): void {
    this.list(stageId, kind)?.remove(itemId);
  }

  observeStructure(listener: () => void): () => void {
    return observeStructure([this.stagesMap, this.lanesMap], listener);
  }
}
