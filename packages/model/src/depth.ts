import * as Y from 'yjs';

/**
 * How deep the shared types an update creates would nest, decided from the update's structs and
 * their parents, without copying the document. A nested type's depth is its parent's plus one
 * (root types are 1); an item's parent is named by id, by root name, or (when omitted) is its
 * left or right origin's parent, found in the live document or earlier in the same update.
 * Plain JSON values (maps' and arrays' non-shared content, formats, embeds) count their own
 * nesting on top of the type they sit in. Every walk here is iterative: the input is hostile.
 */
export type DepthVerdict =
  | { ok: true; depth: number }
  | { ok: false; reason: 'too-deep'; depth: number }
  /** A nested type whose parent is neither in the document nor in the update: its depth cannot be known. */
  | { ok: false; reason: 'unknown-parent' };

/** Default bound on nesting: the model's deepest legitimate nesting (rich text with nested lists in a table cell) is far below it. */
export const defaultMaxDepth = 64;

type ParentRef = string | Y.ID | null;

/** Depth marker for "cannot be resolved". */
const unknown = -1;

export function measureUpdateDepth(doc: Y.Doc, update: Uint8Array, maxDepth: number): DepthVerdict {
  return measureStructsDepth(doc, Y.decodeUpdate(update).structs, maxDepth);
}

/** As measureUpdateDepth, for an update already decoded with `Y.decodeUpdate`. */
export function measureStructsDepth(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[], maxDepth: number): DepthVerdict {
  const items = structs.filter((struct): struct is Y.Item => struct instanceof Y.Item);
  const index = new UpdateIndex(items);
  const parentDepth = new Map<Y.Item, number>();
  let deepest = 0;
  for (const item of items) {
    const depth = resolveParentDepth(item, doc, index, parentDepth, maxDepth);
    const created = item.content instanceof Y.ContentType ? 1 : 0;
    if (created === 1 && depth === unknown) return { ok: false, reason: 'unknown-parent' };
    const total = (depth === unknown ? 0 : depth) + created + jsonDepth(item.content, maxDepth + 1);
    deepest = Math.max(deepest, total);
    if (total > maxDepth) return { ok: false, reason: 'too-deep', depth: total };
  }
  return { ok: true, depth: deepest };
}

/** The items of one update, findable by any id they cover (an item of length n covers n clocks). */
class UpdateIndex {
  private readonly byClient = new Map<number, Y.Item[]>();

  constructor(items: Y.Item[]) {
    for (const item of items) {
      let list = this.byClient.get(item.id.client);
      if (!list) this.byClient.set(item.id.client, (list = []));
      list.push(item);
    }
    for (const list of this.byClient.values()) list.sort((a, b) => a.id.clock - b.id.clock);
  }

  find(id: Y.ID): Y.Item | undefined {
    const list = this.byClient.get(id.client);
    if (!list) return undefined;
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const item = list[middle]!;
      if (id.clock < item.id.clock) high = middle - 1;
      else if (id.clock >= item.id.clock + item.length) low = middle + 1;
      else return item;
    }
    return undefined;
  }
}

/** The struct of the live document covering `id`, if the document has it. */
function findInDoc(doc: Y.Doc, id: Y.ID): Y.Item | Y.GC | undefined {
  const structs = doc.store.clients.get(id.client) as (Y.Item | Y.GC)[] | undefined;
  const last = structs?.[structs.length - 1];
  if (!structs || !last || id.clock >= last.id.clock + last.length) return undefined;
  return structs[Y.findIndexSS(structs, id.clock)];
}

/** Depth of a type in the live document, counted up to `cap` (deeper counts as cap + 1). */
function typeDepthInDoc(type: Y.AbstractType<any>, cap: number): number {
  let depth = 1;
  let item = type._item;
  while (item && depth <= cap) {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) break;
    depth++;
    item = parent._item;
  }
  return depth;
}

/**
 * Depth of the type `start` lives in. Follows parents and origins through the update with an
 * explicit stack (a chain of 10,000 must not overflow), memoising every item on the way.
 */
function resolveParentDepth(start: Y.Item, doc: Y.Doc, index: UpdateIndex, memo: Map<Y.Item, number>, cap: number): number {
  const stack: Y.Item[] = [start];
  const onStack = new Set<Y.Item>([start]);
  while (stack.length > 0) {
    const item = stack[stack.length - 1]!;
    if (memo.has(item)) {
      stack.pop();
      onStack.delete(item);
      continue;
    }
    const step = directParentDepth(item, doc, index, memo, cap);
    if (typeof step === 'number') {
      memo.set(item, step);
      stack.pop();
      onStack.delete(item);
    } else if (onStack.has(step)) {
      // Origins that point at each other: not a document any client could have made.
      memo.set(item, unknown);
    } else {
      stack.push(step);
      onStack.add(step);
    }
  }
  return memo.get(start)!;
}

/** The item's parent depth if known now, or the item of this update it depends on. */
function directParentDepth(item: Y.Item, doc: Y.Doc, index: UpdateIndex, memo: Map<Y.Item, number>, cap: number): number | Y.Item {
  const parent = item.parent as ParentRef | Y.AbstractType<any>;
  if (typeof parent === 'string') return 1;
  if (parent instanceof Y.AbstractType) return typeDepthInDoc(parent, cap);
  if (parent instanceof Y.ID) {
    const holder = index.find(parent);
    if (holder) {
      if (!(holder.content instanceof Y.ContentType)) return unknown;
      const known = memo.get(holder);
      return known === undefined ? holder : known === unknown ? unknown : known + 1;
    }
    const inDoc = findInDoc(doc, parent);
    if (inDoc instanceof Y.Item && inDoc.content instanceof Y.ContentType) return typeDepthInDoc(inDoc.content.type, cap);
    // A parent that was garbage-collected: the item integrates as deleted content, at no depth.
    return inDoc ? 0 : unknown;
  }
  // No parent info: the item sits beside its origin (or right origin), in the same parent.
  const neighbour = item.origin ?? item.rightOrigin;
  if (!neighbour) return unknown;
  const sibling = index.find(neighbour);
  if (sibling) {
    const known = memo.get(sibling);
    return known === undefined ? sibling : known;
  }
  const inDoc = findInDoc(doc, neighbour);
  if (inDoc instanceof Y.Item && inDoc.parent instanceof Y.AbstractType) return typeDepthInDoc(inDoc.parent, cap);
  return inDoc ? 0 : unknown;
}

/** Nesting of the plain JSON values an item carries (0 for shared types and text), counted up to `cap`. */
function jsonDepth(content: Y.Item['content'], cap: number): number {
  let values: unknown[];
  if (content instanceof Y.ContentAny) values = content.arr;
  else if (content instanceof Y.ContentEmbed) values = [content.embed];
  else if (content instanceof Y.ContentFormat) values = [content.value];
  else return 0;
  let deepest = 0;
  const stack: [value: unknown, depth: number][] = values.map((value) => [value, 1]);
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (depth > cap) return depth;
    for (const child of Object.values(value as object)) stack.push([child, depth + 1]);
  }
  return deepest;
}
