import type * as Y from 'yjs';

/**
 * Traceability: an item of one document points at an item of another, e.g. a pain point of a
 * service path → a development task (row) of a goal table → an action of an action plan. A link is
 * "documentId#itemId", stored in the source item's `links` list. Item ids never change (moves
 * only change order keys), so links survive edits, moves and snapshots.
 */
export interface ItemRef {
  documentId: string;
  itemId: string;
}

const linkPattern = /^([0-9a-f-]{36})#([0-9a-z]{6,40})$/i;

export function formatLink(ref: ItemRef): string {
  return `${ref.documentId}#${ref.itemId}`;
}

export function parseLink(link: string): ItemRef | undefined {
  const match = linkPattern.exec(link);
  return match ? { documentId: match[1]!.toLowerCase(), itemId: match[2]! } : undefined;
}

/** Links of an item, parsed, each once (two people linking the same item at once is one link). */
export function readLinks(list: Y.Array<string>): ItemRef[] {
  const seen = new Set<string>();
  const out: ItemRef[] = [];
  for (const value of list.toArray()) {
    const ref = parseLink(value);
    if (ref && !seen.has(value)) {
      seen.add(value);
      out.push(ref);
    }
  }
  return out;
}

export function addLink(list: Y.Array<string>, ref: ItemRef): void {
  const link = formatLink(ref);
  if (!list.toArray().includes(link)) list.push([link]);
}

export function removeLink(list: Y.Array<string>, ref: ItemRef): void {
  const link = formatLink(ref);
  const doc = list.doc;
  const run = () => {
    const values = list.toArray();
    for (let i = values.length - 1; i >= 0; i--) if (values[i] === link) list.delete(i, 1);
  };
  if (doc) doc.transact(run);
  else run();
}
