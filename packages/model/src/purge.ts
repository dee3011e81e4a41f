import * as Y from 'yjs';
import { cutIgnoringInvisible, findIgnoringInvisible } from './invisible.ts';

/**
 * Delete every occurrence of `needle` from every text, map value, map key, array item, XML
 * attribute and JSON value of the doc, in one transaction; returns how many were removed.
 * Invisible characters inside an occurrence (a soft hyphen in an identity code) do not hide it.
 *
 * Built to hold up against hostile documents: the walk is iterative (an explicit stack, so
 * 30,000 levels of nesting are fine), and each text's matches are found in one pass and deleted
 * front to back, which keeps the work linear in the document's size. With the doc's garbage
 * collection (the default) the deleted characters are dropped from its encoded state.
 */
export function removeTextEverywhere(doc: Y.Doc, needle: string): number {
  if (needle.length === 0) return 0;
  let removed = 0;
  const purgedKeys: Y.Map<unknown>[] = [];
  doc.transact((transaction) => {
    const stack: Y.AbstractType<any>[] = [...doc.share.values()].map((type) => resolveRoot(doc, type));
    while (stack.length > 0) {
      const type = stack.pop()!;
      if (type instanceof Y.Text || type instanceof Y.XmlText) {
        removed += removeFromText(type, needle, stack, transaction);
        if (type instanceof Y.XmlText) removed += cleanAttributes(type, needle);
      } else if (type instanceof Y.Map) {
        const removedBefore = removed;
        removed += cleanMap(type, needle, stack);
        if (removed > removedBefore) purgedKeys.push(type);
      } else if (type instanceof Y.Array) {
        removed += cleanArray(type, needle, stack);
      } else if (type instanceof Y.XmlFragment) {
        if (type instanceof Y.XmlElement) removed += cleanAttributes(type, needle);
        for (const child of type.toArray()) stack.push(child as Y.AbstractType<any>);
      }
    }
  });
  for (const map of purgedKeys) forgetDeletedKeys(map, needle);
  return removed;
}

function removeFromText(text: Y.Text | Y.XmlText, needle: string, stack: Y.AbstractType<any>[], transaction: Y.Transaction): number {
  // One pass over the items: the plain text (an embed counts as one character, formatting as
  // none, as in Yjs's own positions) and where each visible piece of it lives.
  let plain = '';
  const pieces: { at: number; item: Y.Item }[] = [];
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted || !item.countable) continue;
    pieces.push({ at: plain.length, item });
    if (item.content instanceof Y.ContentString) plain += item.content.str;
    else {
      plain += '\u0000'.repeat(item.length);
      if (item.content instanceof Y.ContentType) stack.push(item.content.type);
    }
  }
  const ranges = findIgnoringInvisible(plain, needle);
  if (ranges.length === 0) return 0;
  // Each match becomes id ranges inside the items it covers. Deleting by id, in clock order as
  // Yjs applies a remote deletion, avoids Y.Text#delete's search from a position, which walks back
  // over every piece already split off the same item and made a purge quadratic.
  const idRanges: { client: number; clock: number; length: number }[] = [];
  let piece = 0;
  for (const [start, end] of ranges) {
    while (pieces[piece]!.at + pieces[piece]!.item.length <= start) piece++;
    for (let p = piece; p < pieces.length && pieces[p]!.at < end; p++) {
      const { at, item } = pieces[p]!;
      const from = Math.max(start, at) - at;
      const to = Math.min(end, at + item.length) - at;
      idRanges.push({ client: item.id.client, clock: item.id.clock + from, length: to - from });
    }
  }
  idRanges.sort((a, b) => a.client - b.client || a.clock - b.clock);
  const store = transaction.doc.store;
  for (const { client, clock, length } of idRanges) {
    const first = Y.getItemCleanStart(transaction, Y.createID(client, clock));
    Y.getItemCleanEnd(transaction, store, Y.createID(client, clock + length - 1));
    first.delete(transaction);
  }
  // Positions cached for index lookups are stale after deleting by id.
  if (text._searchMarker) text._searchMarker.length = 0;
  return ranges.length;
}

function cleanMap(map: Y.Map<unknown>, needle: string, stack: Y.AbstractType<any>[]): number {
  let removed = 0;
  for (const [key, value] of [...map.entries()]) {
    if (findIgnoringInvisible(key, needle).length > 0) {
      // A key cannot be edited: the entry goes, and forgetDeletedKeys drops the key from history.
      map.delete(key);
      removed++;
      continue;
    }
    if (value instanceof Y.AbstractType) stack.push(value);
    else {
      const cleaned = cleanValue(value, needle);
      if (cleaned.count > 0) {
        map.set(key, cleaned.value);
        removed += cleaned.count;
      }
    }
  }
  return removed;
}

function cleanArray(array: Y.Array<unknown>, needle: string, stack: Y.AbstractType<any>[]): number {
  let removed = 0;
  const items = array.toArray();
  for (let i = 0; i < items.length; i++) {
    const value = items[i];
    if (value instanceof Y.AbstractType) stack.push(value);
    else {
      const cleaned = cleanValue(value, needle);
      if (cleaned.count > 0) {
        array.delete(i, 1);
        array.insert(i, [cleaned.value]);
        removed += cleaned.count;
      }
    }
  }
  return removed;
}

function cleanAttributes(element: Y.XmlElement | Y.XmlText, needle: string): number {
  let removed = 0;
  for (const [key, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    if (value instanceof Y.AbstractType) continue;
    const cleaned = cleanValue(value, needle);
    if (cleaned.count > 0) {
      element.setAttribute(key, cleaned.value as never);
      removed += cleaned.count;
    }
  }
  return removed;
}

/**
 * A string or JSON value (object, array) with `needle` cut out of every string and key in it.
 * Iterative, like the walk over types: a raw client can store JSON nested arbitrarily deep.
 */
function cleanValue(value: unknown, needle: string): { value: unknown; count: number } {
  if (typeof value === 'string') {
    const cut = cutIgnoringInvisible(value, needle);
    return { value: cut.text, count: cut.count };
  }
  if (value === null || typeof value !== 'object' || value instanceof Uint8Array) return { value, count: 0 };
  let count = 0;
  const root: { value: unknown } = { value: undefined };
  const work: [source: unknown, assign: (cleaned: unknown) => void][] = [[value, (cleaned) => (root.value = cleaned)]];
  while (work.length > 0) {
    const [source, assign] = work.pop()!;
    if (typeof source === 'string') {
      const cut = cutIgnoringInvisible(source, needle);
      count += cut.count;
      assign(cut.text);
    } else if (Array.isArray(source)) {
      const copy: unknown[] = new Array(source.length);
      assign(copy);
      source.forEach((item, index) => work.push([item, (cleaned) => (copy[index] = cleaned)]));
    } else if (source !== null && typeof source === 'object' && !(source instanceof Uint8Array)) {
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const [key, item] of Object.entries(source)) {
        const cutKey = cutIgnoringInvisible(key, needle);
        count += cutKey.count;
        work.push([item, (cleaned) => (copy[cutKey.text] = cleaned)]);
      }
    } else assign(source);
  }
  return { value: count > 0 ? root.value : value, count };
}

/**
 * Yjs keeps a deleted map entry's key in the entry's item, and writes it into every encoded state:
 * deleting the entry is not enough to forget a key that holds personal data. The items of such a
 * key (all deleted) are renamed to a placeholder; the key has no value, so nothing else changes.
 */
export function forgetDeletedKeys(map: Y.Map<unknown>, needle: string): void {
  for (const [key, item] of [...map._map.entries()]) {
    if (!item.deleted || findIgnoringInvisible(key, needle).length === 0) continue;
    let placeholder = `\u0000purged`;
    for (let n = 1; map._map.has(placeholder); n++) placeholder = `\u0000purged${n}`;
    for (let entry: Y.Item | null = item; entry !== null; entry = entry.left) entry.parentSub = placeholder;
    map._map.delete(key);
    map._map.set(placeholder, item);
  }
}

/** After another doc's purge was applied to this one: forget deleted keys holding `needle` here too. */
export function forgetPurgedKeys(doc: Y.Doc, needle: string): void {
  const stack: Y.AbstractType<any>[] = [...doc.share.values()].map((type) => resolveRoot(doc, type));
  while (stack.length > 0) {
    const type = stack.pop()!;
    if (type instanceof Y.Map) forgetDeletedKeys(type, needle);
    for (const item of type._map.values()) if (!item.deleted && item.content instanceof Y.ContentType) stack.push(item.content.type);
    for (let item = type._start; item !== null; item = item.right) {
      if (!item.deleted && item.content instanceof Y.ContentType) stack.push(item.content.type);
    }
  }
}

/**
 * Root types of a doc that has not named them yet (the server's) are plain AbstractTypes; read
 * each as what its first item holds: characters make a text, XML nodes a fragment, values an array.
 */
function resolveRoot(doc: Y.Doc, type: Y.AbstractType<any>): Y.AbstractType<any> {
  if (type.constructor !== Y.AbstractType) return type;
  const name = [...doc.share.entries()].find(([, value]) => value === type)![0];
  if (type._map.size > 0) return doc.getMap(name);
  let item = type._start;
  while (item?.deleted) item = item.right;
  const content = item?.content;
  if (content instanceof Y.ContentString || content instanceof Y.ContentFormat || content instanceof Y.ContentEmbed) return doc.getText(name);
  if (content instanceof Y.ContentType && (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText)) return doc.getXmlFragment(name);
  return doc.getArray(name);
}
