import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { GoalTable } from './goal-table.ts';
import { setPlainText } from './richtext.ts';
import { buildStatusProgress, readStatusMeasures, summariseStatus, type VersionedTable } from './status-progress.ts';

function table(): { doc: Y.Doc; goal: GoalTable; rows: string[] } {
  const doc = new Y.Doc();
  const goal = GoalTable.create(doc, {
    title: 'Tavoitteet',
    columns: [
      { id: 'goal', kind: 'rich-text', title: 'Tavoite' },
      { id: 'state', kind: 'status', title: 'Tila', scale: 'four-state' },
      { id: 'maturity', kind: 'evaluation', title: 'Kypsyys', scale: 'maturity-1-5', periods: ['Syksy', 'Kevät'] },
    ],
    rows: 2,
  });
  const rows = goal.rows().map((r) => r.id);
  setPlainText(goal.richText(rows[0]!, 'goal')!, 'Päihdetyön yhteinen malli');
  setPlainText(goal.richText(rows[1]!, 'goal')!, 'Läheisten tuki');
  goal.addRow(Number.POSITIVE_INFINITY, 'heading', 'Otsikko');
  return { doc, goal, rows };
}

const versioned = (doc: Y.Doc): VersionedTable[] => [{ documentId: 'd1', title: 'Tavoitteet', measures: readStatusMeasures(doc) }];
const copy = (doc: Y.Doc) => {
  const next = new Y.Doc();
  Y.applyUpdate(next, Y.encodeStateAsUpdate(doc));
  return next;
};

describe('status progress', () => {
  it('reads status columns and each evaluation period as measures, skipping headings', () => {
    const { doc, goal, rows } = table();
    goal.setStatus(rows[0]!, 'state', 'started');
    goal.evaluation(rows[1]!, 'maturity')!.set(goal.columns()[2]!.periods[1]!.id, '4');
    goal.setStatus(rows[1]!, 'state', 'no-such-step');
    const measures = readStatusMeasures(doc);
    expect(measures.map((m) => [m.columnTitle, m.periodLabel])).toEqual([
      ['Tila', null],
      ['Kypsyys', 'Syksy'],
      ['Kypsyys', 'Kevät'],
    ]);
    expect(measures[0]!.rows).toEqual([
      { rowId: rows[0], label: 'Päihdetyön yhteinen malli', value: 'started' },
      { rowId: rows[1], label: 'Läheisten tuki', value: null },
    ]);
    expect(measures[2]!.rows.map((r) => r.value)).toEqual([null, '4']);
  });

  it('does not write into the doc it reads', () => {
    const { doc } = table();
    const before = Y.encodeStateVector(doc);
    readStatusMeasures(doc);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('lines up each row by id across versions and counts moves since the previous one', () => {
    const { doc, goal, rows } = table();
    goal.setStatus(rows[0]!, 'state', 'started');
    goal.setStatus(rows[1]!, 'state', 'done');
    const v1 = copy(doc);
    goal.setStatus(rows[0]!, 'state', 'done');
    goal.setStatus(rows[1]!, 'state', 'partly-done');
    goal.moveRow(rows[1]!, 0);
    const added = goal.addRow();
    setPlainText(goal.richText(added, 'goal')!, 'Uusi');
    goal.setStatus(added, 'state', 'not-started');
    const v2 = copy(doc);

    const matrices = buildStatusProgress([{ tables: versioned(v1) }, { tables: versioned(v2) }]);
    const state = matrices.find((m) => m.measureKey === 'state')!;
    expect(state.rows.map((r) => [r.label, r.values])).toEqual([
      ['Läheisten tuki', ['done', 'partly-done']],
      ['Päihdetyön yhteinen malli', ['started', 'done']],
      ['Uusi', [null, 'not-started']],
    ]);

    const summary = summariseStatus(versioned(v2), versioned(v1)).find((s) => s.measureKey === 'state')!;
    expect(summary.counts).toEqual([
      { key: 'not-started', count: 1 },
      { key: 'started', count: 0 },
      { key: 'partly-done', count: 1 },
      { key: 'done', count: 1 },
    ]);
    expect([summary.movedUp, summary.movedDown, summary.unset]).toEqual([1, 1, 0]);
    expect(summariseStatus(versioned(v2), null).find((s) => s.measureKey === 'state')!.movedUp).toBe(0);
  });
});
