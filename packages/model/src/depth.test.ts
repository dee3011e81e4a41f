import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initialDocumentState } from './create.ts';
import { measureUpdateDepth } from './depth.ts';
import { deepestType, openHistory } from './history.ts';

/** The attack of issue #8, finding 1: a chain of nested Y.Maps in one valid update. */
export function nestedMapsUpdate(depth: number): { update: Uint8Array; doc: Y.Doc } {
  const doc = new Y.Doc();
  doc.clientID = chainClientId;
  doc.transact(() => {
    let map = doc.getMap('root');
    for (let level = 0; level < depth; level++) {
      const child = new Y.Map<unknown>();
      map.set('c', child);
      map = child;
    }
  });
  return { update: Y.encodeStateAsUpdate(doc), doc };
}

/**
 * The 10-byte follow-up: an update with no structs and a delete set naming the chain's first item
 * (written by hand: deleting it in a Y.Doc would overflow the sender's stack too).
 */
export function deleteChainRoot(): Uint8Array {
  // No structs; a delete set of one client (the chain's, id 7) with one range: clock 0, length 1.
  return Uint8Array.of(0, 1, chainClientId, 1, 0, 1);
}

const chainClientId = 7;

describe('measureUpdateDepth', () => {
  it('accepts a template document and measures its nesting', () => {
    const state = initialDocumentState({ type: 'goal-table', title: 'T', locale: 'fi' });
    const verdict = measureUpdateDepth(new Y.Doc(), state, 64);
    expect(verdict.ok).toBe(true);
    expect(verdict.ok && verdict.depth).toBeLessThan(16);
  });

  it('refuses a chain of 10,000 nested maps without overflowing the stack', () => {
    const verdict = measureUpdateDepth(new Y.Doc(), nestedMapsUpdate(10_000).update, 64);
    expect(verdict).toMatchObject({ ok: false, reason: 'too-deep' });
  });

  it('counts the depth a new type gets from its parent in the live document', () => {
    const { update, doc: source } = nestedMapsUpdate(60);
    const live = new Y.Doc();
    Y.applyUpdate(live, update);
    const before = Y.encodeStateVector(source);
    let deepest = source.getMap('root');
    for (let level = 0; level < 60; level++) deepest = deepest.get('c') as Y.Map<unknown>;
    source.transact(() => {
      for (let level = 0; level < 10; level++) {
        const child = new Y.Map<unknown>();
        deepest.set('c', child);
        deepest = child;
      }
    });
    const more = Y.encodeStateAsUpdate(source, before);
    expect(measureUpdateDepth(live, more, 64)).toMatchObject({ ok: false, reason: 'too-deep' });
    expect(measureUpdateDepth(live, more, 80)).toMatchObject({ ok: true, depth: 71 });
  });

  it('counts plain JSON nesting inside a map value', () => {
    const doc = new Y.Doc();
    let value: Record<string, unknown> = {};
    const top = value;
    for (let level = 0; level < 500; level++) value = value['x'] = {};
    doc.getMap('root').set('deep', top);
    expect(measureUpdateDepth(new Y.Doc(), Y.encodeStateAsUpdate(doc), 64)).toMatchObject({ ok: false, reason: 'too-deep' });
  });

  it('refuses a nested type whose parent is nowhere to be found', () => {
    const { update, doc } = nestedMapsUpdate(3);
    const live = new Y.Doc();
    const before = Y.encodeStateVector(doc);
    const inner = (doc.getMap('root').get('c') as Y.Map<Y.Map<unknown>>).get('c')!;
    inner.set('d', new Y.Map());
    // `live` never saw the first update: the new map's parent is unknown.
    expect(measureUpdateDepth(live, Y.encodeStateAsUpdate(doc, before), 64)).toEqual({ ok: false, reason: 'unknown-parent' });
    Y.applyUpdate(live, update);
    expect(measureUpdateDepth(live, Y.encodeStateAsUpdate(doc, before), 64)).toMatchObject({ ok: true });
  });
});

describe('openHistory', () => {
  it('opens a document bricked by a deep chain and its deletion from the good parts', () => {
    const good = new Y.Doc();
    good.getText('t').insert(0, 'kept');
    const goodUpdate = Y.encodeStateAsUpdate(good);
    const { update: chain } = nestedMapsUpdate(10_000);
    const deletion = deleteChainRoot();
    const later = new Y.Doc();
    Y.applyUpdate(later, goodUpdate);
    const beforeLater = Y.encodeStateVector(later);
    later.getText('t').insert(4, ' too');
    const laterUpdate = Y.encodeStateAsUpdate(later, beforeLater);

    // Today's way of loading overflows the stack inside Yjs.
    expect(() => {
      const plain = new Y.Doc();
      plain.transact(() => [goodUpdate, chain, deletion].forEach((part) => Y.applyUpdate(plain, part)));
    }).toThrow(RangeError);

    const opened = openHistory([goodUpdate, chain, deletion, laterUpdate], 64);
    expect(opened.doc.getText('t').toString()).toBe('kept too');
    expect(opened.quarantined).toContain(1);
    expect(deepestType(opened.doc, 64)).toBeLessThanOrEqual(64);
  });

  it('leaves nothing out of an ordinary history', () => {
    const doc = new Y.Doc();
    const parts: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => parts.push(update));
    Y.applyUpdate(doc, initialDocumentState({ type: 'action-plan', title: 'P', locale: 'fi' }));
    doc.getMap('extra').set('k', 'v');
    const opened = openHistory(parts, 64);
    expect(opened.quarantined).toEqual([]);
    expect(opened.doc.getMap('extra').get('k')).toBe('v');
  });
});
