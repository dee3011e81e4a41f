import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { goalTableV1 } from './fixtures/goal-table-v1.ts';
import { GoalTable, goalTableSchemaVersion } from './goal-table.ts';
import { readMeta } from './meta.ts';
import { migrateDocument, NewerSchemaError } from './migrate.ts';
import { richTextToPlain } from './richtext.ts';

function v1(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Buffer.from(goalTableV1, 'base64'));
  return doc;
}

describe('migrateDocument', () => {
  it('upgrades a version-1 goal table to the current version, keeping every cell', () => {
    const doc = v1();
    expect(readMeta(doc)?.schemaVersion).toBe(1);
    expect(migrateDocument(doc)).toBe(true);
    expect(readMeta(doc)).toEqual({ type: 'goal-table', title: 'Kainuun tavoitteet', schemaVersion: goalTableSchemaVersion });
    const table = new GoalTable(doc);
    const [first, second] = table.rows();
    expect(table.rows().map((r) => r.kind)).toEqual(['item', 'item', 'item']);
    expect(richTextToPlain(table.richText(first!.id, 'goal')!)).toBe('1. Lisätä asiakkaiden osallisuutta');
    expect(table.status(first!.id, 'status')).toBe('started');
    expect(richTextToPlain(table.richText(second!.id, 'schedule')!)).toBe('syksy 2016');
    expect(table.links(first!.id)?.toArray()).toEqual([]);
    expect(migrateDocument(doc)).toBe(false);
  });

  it('converges when two replicas migrate the same document at once', () => {
    const a = v1();
    const b = v1();
    migrateDocument(a);
    migrateDocument(b);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(new GoalTable(a).rows()).toHaveLength(3);
    expect(new GoalTable(a).links(new GoalTable(a).rows()[0]!.id)!.length).toBe(0);
  });

  it('leaves a document from a newer version alone', () => {
    const doc = v1();
    doc.getMap('meta').set('schemaVersion', 99);
    expect(() => migrateDocument(doc)).toThrow(NewerSchemaError);
    expect(readMeta(doc)?.schemaVersion).toBe(99);
  });
});
