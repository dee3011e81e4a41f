import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createFraming } from './framing.ts';
import { LatencyTracker } from './latency.ts';
import { medianAndSpread, percentile, summarise } from './stats.ts';
import { shuffle } from './suite.ts';

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const sorted = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 0.5)).toBe(50);
    expect(percentile(sorted, 0.99)).toBe(99);
    expect(percentile(sorted, 1)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
    expect(percentile(new Float64Array(), 0.5)).toBeNaN();
  });

  it('summarises unsorted samples', () => {
    const summary = summarise([5, 1, 4, 2, 3]);
    expect(summary).toMatchObject({ count: 5, p50: 3, max: 5 });
  });

  it('gives the median and spread of repetitions, ignoring failed ones', () => {
    expect(medianAndSpread([3, 1, Number.NaN, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(medianAndSpread([4, 1])).toEqual({ median: 2.5, min: 1, max: 4 });
  });
});

describe('framing', () => {
  const update = Y.encodeStateAsUpdate(
    (() => {
      const doc = new Y.Doc();
      doc.getText('text').insert(0, 'moi');
      return doc;
    })(),
  );

  for (const target of ['ours', 'hocuspocus'] as const) {
    it(`round-trips sync and awareness frames (${target})`, () => {
      const framing = createFraming(target, 'doc-1');
      expect(framing.parse(framing.update(update))).toEqual({ kind: 'update', payload: update });
      expect(framing.parse(framing.step2(update))).toEqual({ kind: 'step2', payload: update });
      expect(framing.parse(framing.awareness(new Uint8Array([1, 2])))).toEqual({ kind: 'awareness', payload: new Uint8Array([1, 2]) });
    });
  }

  it('puts the document name first and authenticates for Hocuspocus only', () => {
    expect(createFraming('reference', 'doc-1').hello()).toEqual([]);
    const [auth] = createFraming('hocuspocus', 'doc-1').hello();
    // varString "doc-1", Auth (2), Token (0), empty token
    expect([...auth!]).toEqual([5, ...Buffer.from('doc-1'), 2, 0, 0]);
    expect(createFraming('hocuspocus', 'doc-1').update(update)[0]).toBe(5);
    expect(createFraming('reference', 'doc-1').update(update)[0]).toBe(0);
  });
});

describe('latency tracker', () => {
  it('takes one sample per new clock a receiver sees, and counts deliveries', () => {
    const tracker = new LatencyTracker();
    const sender = new Y.Doc();
    const updates: Uint8Array[] = [];
    sender.on('update', (u: Uint8Array) => updates.push(u));
    sender.getText('text').insert(0, 'ab');
    tracker.recordSend(sender.clientID, 0, 2, performance.now(), 1);
    sender.getText('text').insert(2, 'c');
    tracker.recordSend(sender.clientID, 2, 3, performance.now(), 1);
    const receive = tracker.receiver(undefined);
    // A merged frame carries both changes; seeing one again adds nothing.
    receive(Y.mergeUpdates(updates));
    receive(updates[1]!);
    expect(tracker.delivered).toBe(3);
    expect(tracker.expected).toBe(3);
    expect(tracker.samples.length).toBe(3);
  });

  it('ignores the receiver’s own edits echoed back', () => {
    const tracker = new LatencyTracker();
    const sender = new Y.Doc();
    sender.getText('text').insert(0, 'a');
    tracker.recordSend(sender.clientID, 0, 1, performance.now(), 1);
    tracker.receiver(sender.clientID)(Y.encodeStateAsUpdate(sender));
    expect(tracker.delivered).toBe(0);
  });
});

describe('shuffle', () => {
  it('keeps every item', () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(items).sort((a, b) => a - b)).toEqual(items);
  });
});
