import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { initialDocumentState } from './create.ts';
import { GoalTable } from './goal-table.ts';
import { addLink } from './links.ts';
import { setPlainText } from './richtext.ts';
import { ServicePath } from './service-path.ts';
import { traceItem } from './trace.ts';

function doc(type: 'goal-table' | 'action-plan' | 'service-path', title: string): Y.Doc {
  const d = new Y.Doc();
  Y.applyUpdate(d, initialDocumentState({ type, title, locale: 'fi' }));
  return d;
}

describe('traceItem', () => {
  it('follows a pain point to the development task and on to the action, from any point of the chain', () => {
    const ids = { path: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', table: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', plan: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc' };
    const pathDoc = doc('service-path', 'Palvelupolku');
    const tableDoc = doc('goal-table', 'Tavoitteet');
    const planDoc = doc('action-plan', 'Toimintasuunnitelma');
    const path = new ServicePath(pathDoc);
    const table = new GoalTable(tableDoc);
    const plan = new ActionPlan(planDoc);
    const stage = path.stageIds()[0]!;
    const pain = path.addItem(stage, 'painPoints', 'Asiakas ei tiedä, minne soittaa')!;
    const row = table.rows()[0]!.id;
    setPlainText(table.richText(row, 'task')!, 'Yksi yhteinen puhelinnumero');
    const action = plan.addAction(plan.sectionIds()[0]!, { text: 'Otetaan numero käyttöön' })!;
    addLink(path.itemLinks(stage, 'painPoints', pain)!, { documentId: ids.table, itemId: row });
    addLink(table.links(row)!, { documentId: ids.plan, itemId: action });
    addLink(table.links(row)!, { documentId: 'dddddddd-dddd-4ddd-8ddd-dddddddddddd', itemId: 'elsewhere1' });

    const docs = new Map([[ids.path, pathDoc], [ids.table, tableDoc], [ids.plan, planDoc]]);
    const fromAction = traceItem(docs, { documentId: ids.plan, itemId: action });
    expect(fromAction.nodes.map((n) => [n.documentType, n.kind, n.label])).toEqual([
      ['action-plan', 'action', 'Otetaan numero käyttöön'],
      ['goal-table', 'row', 'Yksi yhteinen puhelinnumero'],
      ['service-path', 'pain-point', 'Asiakas ei tiedä, minne soittaa'],
    ]);
    expect(fromAction.links).toHaveLength(2);
    expect(traceItem(docs, { documentId: ids.path, itemId: pain }).nodes).toHaveLength(3);
    expect(traceItem(docs, { documentId: ids.plan, itemId: 'nosuchitem' }).nodes).toEqual([]);
  });
});
