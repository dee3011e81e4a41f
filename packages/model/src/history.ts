import * as Y from 'yjs';
import { measureUpdateDepth } from './depth.ts';

/** A document rebuilt from its stored parts, and which parts had to be left out. */
export interface OpenedHistory {
  doc: Y.Doc;
  /** Indexes (into the parts given) of the parts that could not be applied or nest too deep. */
  quarantined: number[];
}

/**
 * Rebuild a document from its stored state and updates, in order, so that no stored part can make
 * it unopenable: a part whose application throws (a stack overflow inside Yjs, say) is left out and
 * the document rebuilt from the parts before it, and, if the result nests deeper than `maxDepth`,
 * it is rebuilt once more leaving out every part that creates that nesting. The parts that stay
 * out are reported, never dropped from the store by this function.
 */
export function openHistory(parts: readonly Uint8Array[], maxDepth: number): OpenedHistory {
  let opened = applyEach(parts, () => true);
  if (deepestType(opened.doc, maxDepth) > maxDepth) {
    // The slow path, only for documents stored before the depth bound: measure each part first.
    opened.doc.destroy();
    opened = applyEach(parts, (doc, part) => {
      const verdict = measureUpdateDepth(doc, part, maxDepth);
      return verdict.ok || verdict.reason !== 'too-deep';
    });
  }
  return opened;
}

function applyEach(parts: readonly Uint8Array[], admit: (doc: Y.Doc, part: Uint8Array) => boolean): OpenedHistory {
  let doc = new Y.Doc();
  const good: Uint8Array[] = [];
  const quarantined: number[] = [];
  parts.forEach((part, index) => {
    let admitted: boolean;
    try {
      admitted = admit(doc, part);
    } catch {
      admitted = false;
    }
    if (!admitted) {
      quarantined.push(index);
      return;
    }
    try {
      Y.applyUpdate(doc, part);
      good.push(part);
    } catch {
      // The failed part may have changed the doc half-way: start again from the good parts.
      quarantined.push(index);
      doc.destroy();
      doc = new Y.Doc();
      for (const kept of good) Y.applyUpdate(doc, kept);
    }
  });
  return { doc, quarantined };
}

/**
 * The nesting depth of the document's deepest shared type, counted up to `cap` (returns cap + 1
 * beyond). Iterative: a stored document may nest 30,000 levels.
 */
export function deepestType(doc: Y.Doc, cap: number): number {
  const stack: [type: Y.AbstractType<any>, depth: number][] = [...doc.share.values()].map((type) => [type, 1]);
  let deepest = 0;
  while (stack.length > 0) {
    const [type, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    if (depth > cap) return depth;
    for (const item of type._map.values()) pushNested(stack, item, depth);
    for (let item = type._start; item !== null; item = item.right) pushNested(stack, item, depth);
  }
  return deepest;
}

function pushNested(stack: [Y.AbstractType<any>, number][], item: Y.Item, depth: number): void {
  if (!item.deleted && item.content instanceof Y.ContentType) stack.push([item.content.type, depth + 1]);
}
