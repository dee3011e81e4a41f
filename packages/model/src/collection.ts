import * as Y from 'yjs';
import { generateKeyBetween } from 'fractional-indexing';
import { newItemId } from './ids.ts';
import { compareOrdered, orderKeyAt, type Ordered } from './order.ts';

/**
 * An ordered collection of items kept in a Y.Map by id, each item a Y.Map with an `order` key
 * (see order.ts for why not a Y.Array). Rows, columns, sections, actions, stages, lanes, pain
 * points and ideas all use it, so every list in every document moves and merges the same way.
 */
export class OrderedCollection {
  readonly map: Y.Map<Y.Map<unknown>>;

  constructor(map: Y.Map<Y.Map<unknown>>) {
    this.map = map;
  }

  /** Items in order. */
  list(): Ordered[] {
    const out: Ordered[] = [];
    for (const [id, item] of this.map.entries()) out.push({ id, order: String(item.get('order') ?? '') });
    return out.sort(compareOrdered);
  }

  ids(): string[] {
    return this.list().map((item) => item.id);
  }

  get(id: string): Y.Map<unknown> | undefined {
    return this.map.get(id);
  }

  /** Insert a new item at `index` (default last); `fill` sets its fields before it is shared. */
  add(fill: (item: Y.Map<unknown>) => void, options: { index?: number; id?: string } = {}): string {
    const id = options.id ?? newItemId();
    const item = new Y.Map<unknown>();
    item.set('order', orderKeyAt(this.list(), options.index ?? Number.POSITIVE_INFINITY));
    fill(item);
    this.map.set(id, item);
    return id;
  }

  /** Move an item so that it stands at `index` of the order without it. */
  move(id: string, index: number): void {
    const item = this.map.get(id);
    if (!item) return;
    item.set('order', orderKeyAt(this.list().filter((other) => other.id !== id), index));
  }

  remove(id: string): void {
    this.map.delete(id);
  }
}

/**
 * A new, not yet shared collection (to set on an item being created): prelim Yjs types can be
 * written but not read until they are in a doc, so the items are filled in order here.
 */
export function newCollection(fills: readonly ((item: Y.Map<unknown>) => void)[]): Y.Map<Y.Map<unknown>> {
  const map = new Y.Map<Y.Map<unknown>>();
  let previous: string | null = null;
  for (const fill of fills) {
    const item = new Y.Map<unknown>();
    previous = generateKeyBetween(previous, null);
    item.set('order', previous);
    fill(item);
    map.set(newItemId(), item);
  }
  return map;
}

/** A child collection stored under `key` of a parent item, created with the parent. */
export function childCollection(parent: Y.Map<unknown>, key: string): OrderedCollection {
  let map = parent.get(key);
  if (!(map instanceof Y.Map)) {
    map = new Y.Map();
    parent.set(key, map);
  }
  return new OrderedCollection(map as Y.Map<Y.Map<unknown>>);
}

/** A rich-text field of an item: a Y.XmlFragment for Tiptap, created with the item. */
export function richField(item: Y.Map<unknown>, key: string): Y.XmlFragment {
  const value = item.get(key);
  if (value instanceof Y.XmlFragment) return value;
  const fragment = new Y.XmlFragment();
  item.set(key, fragment);
  return fragment;
}

/** A plain collaborative text field (titles, schedules): a Y.Text. */
export function textField(item: Y.Map<unknown>, key: string): Y.Text {
  const value = item.get(key);
  if (value instanceof Y.Text) return value;
  const text = new Y.Text();
  item.set(key, text);
  return text;
}

/** A list of short strings (people, channels, links) that merges additions from everyone. */
export function listField(item: Y.Map<unknown>, key: string): Y.Array<string> {
  const value = item.get(key);
  if (value instanceof Y.Array) return value as Y.Array<string>;
  const list = new Y.Array<string>();
  item.set(key, list);
  return list;
}

/** Call `listener` on structural changes below `types` (items added, moved, removed, fields set), not on typing. */
export function observeStructure(types: readonly Y.AbstractType<any>[], listener: () => void): () => void {
  const onDeep = (events: Y.YEvent<any>[]) => {
    if (events.some((event) => event.target instanceof Y.Map || (event.target instanceof Y.Array && !(event.target instanceof Y.XmlFragment)))) listener();
  };
  for (const type of types) type.observeDeep(onDeep);
  return () => {
    for (const type of types) type.unobserveDeep(onDeep);
  };
}
