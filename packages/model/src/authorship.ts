import * as Y from 'yjs';

/** Who owns a Yjs client id, and who deleted a struct: the server's attribution records, as lookups. */
export interface AttributionLookup {
  /** The user id owning `clientId`, undefined when nobody claimed it. */
  ownerOf(clientId: number): string | undefined;
  /** The user id that deleted the struct at `id`, undefined when unknown. */
  deleterOf(clientId: number, clock: number): string | undefined;
}

/** The users who changed each item (and each field of it) between two states of one document. */
export interface ItemAuthors {
  /** Users who inserted or deleted anything under the item keyed `itemId` (a map key). */
  ofItem(itemId: string): string[];
  /** Users who changed the value under `field` (a map key) inside the item keyed `itemId`. */
  ofField(itemId: string, field: string): string[];
  /** Every user who changed anything. */
  all(): string[];
}

/** Map keys deeper than this below an item are not indexed (a hostile document can nest without end). */
const maxIndexedDepth = 12;

/** The deletions recorded per client as sorted ranges, for `deleterOf`. */
export function deletionLookup(ranges: readonly { clientId: number; clock: number; length: number; userId: string }[]) {
  const byClient = new Map<number, { clock: number; end: number; userId: string }[]>();
  for (const range of ranges) {
    let list = byClient.get(range.clientId);
    if (!list) byClient.set(range.clientId, (list = []));
    list.push({ clock: range.clock, end: range.clock + range.length, userId: range.userId });
  }
  return (clientId: number, clock: number): string | undefined => {
    // The first recorded deletion of a struct is the one that took effect.
    for (const range of byClient.get(clientId) ?? []) if (clock >= range.clock && clock < range.end) return range.userId;
    return undefined;
  };
}

/**
 * Credit the changes between `fromState` (null: the empty document) and `toState` to users: every
 * struct created after `fromState` is credited to the owner of its client id, every struct deleted
 * after it to the user recorded as deleting it. Structs are grouped by the chain of map keys above
 * them, so a change to row `r`'s cell `c` is found with `ofField(r, c)`. Walks iteratively.
 */
export function authorsBetween(fromState: Uint8Array | null, toState: Uint8Array, lookup: AttributionLookup): ItemAuthors {
  const fromVector = fromState ? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(fromState)) : new Map<number, number>();
  const fromDeleted = fromState ? Y.decodeUpdate(fromState).ds : Y.createDeleteSet();
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, toState);
  const byKey = new Map<string, Set<string>>();
  const everyone = new Set<string>();
  const credit = (keys: readonly string[], user: string) => {
    everyone.add(user);
    for (let i = 0; i < keys.length; i++) {
      add(byKey, keys[i]!, user);
      for (let j = i + 1; j < keys.length; j++) add(byKey, `${keys[i]}\u0000${keys[j]}`, user);
    }
  };

  const stack: { type: Y.AbstractType<unknown>; keys: string[] }[] = [];
  for (const [name, type] of doc.share) stack.push({ type: type as Y.AbstractType<unknown>, keys: [name] });
  while (stack.length > 0) {
    const { type, keys } = stack.pop()!;
    const visit = (item: Y.Item, itemKeys: string[]) => {
      const created = item.id.clock + item.length > (fromVector.get(item.id.client) ?? 0);
      if (created) {
        const owner = lookup.ownerOf(item.id.client);
        if (owner) credit(itemKeys, owner);
      }
      if (item.deleted && !Y.isDeleted(fromDeleted, item.id)) {
        const deleter = lookup.deleterOf(item.id.client, item.id.clock);
        if (deleter) credit(itemKeys, deleter);
      }
      if (item.content instanceof Y.ContentType) stack.push({ type: item.content.type as Y.AbstractType<unknown>, keys: itemKeys });
    };
    for (let item = type._start; item; item = item.right) visit(item, keys);
    for (const [key, last] of type._map) {
      // Earlier values of a key (overwritten, so deleted) hang to the left of the last one.
      const itemKeys = keys.length < maxIndexedDepth ? [...keys, key] : keys;
      for (let item: Y.Item | null = last; item; item = item.left) visit(item, itemKeys);
    }
  }
  doc.destroy();
  const read = (key: string) => [...(byKey.get(key) ?? [])].sort();
  return {
    ofItem: (itemId) => read(itemId),
    ofField: (itemId, field) => read(`${itemId}\u0000${field}`),
    all: () => [...everyone].sort(),
  };
}

function add(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}
