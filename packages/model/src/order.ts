import { generateKeyBetween } from 'fractional-indexing';

/**
 * Items of a list are ordered by a fractional key stored on each item, not by their
 * position in a Y.Array: a move is then one map write, so concurrent moves of the same
 * item resolve last-writer-wins and can never duplicate it (a Y.Array move is delete +
 * insert, which duplicates under concurrency). Equal keys, which two replicas inserting
 * at the same place produce, are ordered by item id so every replica agrees.
 */
export interface Ordered {
  id: string;
  order: string;
}

export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A key that sorts at `index` of `sorted` (0 = first, sorted.length = last).
 * Where neighbours share a key, the new key goes past the whole run of equals.
 */
export function orderKeyAt(sorted: readonly Ordered[], index: number): string {
  const clamped = Math.max(0, Math.min(index, sorted.length));
  const before = clamped > 0 ? sorted[clamped - 1]!.order : null;
  let after: string | null = null;
  for (let i = clamped; i < sorted.length; i++) {
    const key = sorted[i]!.order;
    if (before === null || key > before) {
      after = key;
      break;
    }
  }
  return generateKeyBetween(before, after);
}
