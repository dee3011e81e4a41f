import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { GoalTable, goalTableSchemaVersion } from './goal-table.ts';
import { initialDocumentState } from './create.ts';
import { readMeta } from './meta.ts';
import { richTextToPlain, setPlainText } from './richtext.ts';

function replicaFromTemplate(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialDocumentState({ type: 'goal-table', title: 'Paljon tukea', locale: 'fi' }));
  return doc;
}

function syncAll(docs: Y.Doc[]): void {
  for (const from of docs) {
    for (const to of docs) {
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
    }
  }
}

describe('GoalTable', () => {
  it('starts from the template with meta, the five columns and empty rows', () => {
    const doc = replicaFromTemplate();
    const table = new GoalTable(doc);
    expect(readMeta(doc)).toEqual({ type: 'goal-table', title: 'Paljon tukea', schemaVersion: goalTableSchemaVersion });
    expect(table.columns().map((c) => c.title)).toEqual([
      'Tavoite', 'Kehittämistehtävä', 'Tila', 'Aikataulu', 'Vastuuhenkilöt',
    ]);
    expect(table.rows()).toHaveLength(3);
  });

  it('adds, moves and removes rows in order', () => {
    const table = new GoalTable(replicaFromTemplate());
    const [a, b, c] = table.rows().map((r) => r.id);
    const d = table.addRow(0);
    expect(table.rows().map((r) => r.id)).toEqual([d, a, b, c]);
    table.moveRow(d, 3);
    expect(table.rows().map((r) => r.id)).toEqual([a, b, c, d]);
    table.removeRow(b!);
    expect(table.rows().map((r) => r.id)).toEqual([a, c, d]);
  });

  it('keeps cell text and status per row', () => {
    const table = new GoalTable(replicaFromTemplate());
    const rowId = table.rows()[0]!.id;
    setPlainText(table.richText(rowId, 'goal')!, 'Asiakkaan palvelut sovitetaan yhteen');
    table.setStatus(rowId, 'status', 'started');
    expect(richTextToPlain(table.richText(rowId, 'goal')!)).toBe('Asiakkaan palvelut sovitetaan yhteen');
    expect(table.status(rowId, 'status')).toBe('started');
    table.setStatus(rowId, 'status', undefined);
    expect(table.status(rowId, 'status')).toBeUndefined();
  });

  it('tells structure observers about rows and statuses, not about typing', () => {
    const table = new GoalTable(replicaFromTemplate());
    let calls = 0;
    const stop = table.observeStructure(() => calls++);
    const rowId = table.rows()[0]!.id;
    setPlainText(table.richText(rowId, 'task')!, 'kirjoitusta');
    expect(calls).toBe(0);
    table.setStatus(rowId, 'status', 'done');
    table.addRow();
    expect(calls).toBe(2);
    stop();
    table.addRow();
    expect(calls).toBe(2);
  });

  type Op =
    | { kind: 'add'; index: number }
    | { kind: 'move'; pick: number; index: number }
    | { kind: 'remove'; pick: number }
    | { kind: 'status'; pick: number; key: string }
    | { kind: 'type'; pick: number; text: string };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), index: fc.nat(8) }),
    fc.record({ kind: fc.constant('move' as const), pick: fc.nat(20), index: fc.nat(8) }),
    fc.record({ kind: fc.constant('remove' as const), pick: fc.nat(20) }),
    fc.record({ kind: fc.constant('status' as const), pick: fc.nat(20), key: fc.constantFrom('not-started', 'started', 'partly-done', 'done') }),
    fc.record({ kind: fc.constant('type' as const), pick: fc.nat(20), text: fc.string({ maxLength: 6 }) }),
  );

  function apply(table: GoalTable, o: Op): void {
    const rows = table.rows();
    const target = rows.length > 0 ? rows[('pick' in o ? o.pick : 0) % rows.length]!.id : undefined;
    if (o.kind === 'add') table.addRow(o.index);
    else if (!target) return;
    else if (o.kind === 'move') table.moveRow(target, o.index);
    else if (o.kind === 'remove') table.removeRow(target);
    else if (o.kind === 'status') table.setStatus(target, 'status', o.key);
    else table.richText(target, 'goal')!.insert(0, [new Y.XmlText(o.text)]);
  }

  it('converges under random concurrent edits, without duplicate or orphaned rows', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 12 }), { minLength: 3, maxLength: 3 }), fc.nat(3), (perReplica, rounds) => {
        const base = replicaFromTemplate();
        const docs = perReplica.map(() => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
          return doc;
        });
        for (let round = 0; round <= rounds; round++) {
          perReplica.forEach((ops, i) => {
            const table = new GoalTable(docs[i]!);
            for (const o of ops.slice(round * 3, round * 3 + 3)) apply(table, o);
          });
          syncAll(docs);
        }
        const views = docs.map((doc) => new GoalTable(doc));
        const first = views[0]!;
        for (const view of views) {
          expect(view.rows()).toEqual(first.rows());
          expect(view.doc.toJSON()).toEqual(first.doc.toJSON());
          const ids = view.rows().map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
          for (const id of ids) expect(view.richText(id, 'goal')).toBeInstanceOf(Y.XmlFragment);
        }
      }),
      { numRuns: 150 },
    );
  });
});
