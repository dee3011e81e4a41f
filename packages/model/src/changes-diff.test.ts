import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { diffVersions, wordDiff } from './changes-diff.ts';
import { initialDocumentState } from './create.ts';
import { materialiseDocument } from './materialise.ts';
import { setPlainText } from './richtext.ts';
import { ServicePath } from './service-path.ts';

function open(type: 'action-plan' | 'service-path') {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialDocumentState({ type, title: 'D', locale: 'fi' }));
  return doc;
}
const version = (n: number, doc: Y.Doc) => ({ version: n, documents: [{ id: 'd1', title: 'D', content: materialiseDocument(doc) }] });

describe('wordDiff', () => {
  it('keeps Finnish and Swedish words with ä, ö and å whole', () => {
    expect(wordDiff('Asiakkaan kokemus päätöksistä', 'Asiakkaan hyvä kokemus päätöksistä')).toEqual([
      { op: 'equal', text: 'Asiakkaan ' },
      { op: 'insert', text: 'hyvä ' },
      { op: 'equal', text: 'kokemus päätöksistä' },
    ]);
    const swedish = wordDiff('Förverkligad åtgärd', 'Delvis förverkligad åtgärd');
    expect(swedish.filter((p) => p.op !== 'equal').map((p) => p.text.trim())).toEqual(['Förverkligad', 'Delvis förverkligad']);
  });
});

describe('diffVersions', () => {
  it('reports action status changes with labels, moves between themes and removals by id', () => {
    const doc = open('action-plan');
    const plan = new ActionPlan(doc);
    const [first] = plan.sectionIds() as [string];
    const second = plan.addSection({ title: 'Osallisuus' });
    const kept = plan.addAction(first, { text: 'Koulutetaan palveluohjaajat', status: 'planned' })!;
    const moved = plan.addAction(first, { text: 'Asiakasraati', status: 'ongoing' })!;
    const removed = plan.addAction(first, { text: 'Poistuva', status: 'planned' })!;
    const v1 = version(1, doc);
    plan.setActionStatus(first, kept, 'done');
    plan.moveActionToSection(first, moved, second);
    plan.removeAction(first, removed);
    const changes = diffVersions(v1, version(2, doc), { authors: (_d, itemId) => [{ userId: 'u', name: itemId === kept ? 'Anna' : 'Ben' }] });
    const list = changes.documents[0]!.changes;
    expect(changes.documents[0]!.status).toBe('changed');
    expect(list.find((c) => c.kind === 'status-changed')).toMatchObject({
      itemId: kept, from: { value: 'planned', label: { fi: 'Suunniteltu' } }, to: { value: 'done', label: { en: 'Done' } }, by: [{ name: 'Anna' }],
    });
    expect(list.filter((c) => c.kind === 'item-moved').map((c) => c.itemId)).toEqual([moved]);
    expect(list.filter((c) => c.kind === 'item-removed').map((c) => c.itemId)).toEqual([removed]);
    expect(list.some((c) => c.kind === 'item-removed' && c.itemId === moved)).toBe(false);
  });

  it('reports stages, pain points and texts of a service path, and documents added or removed', () => {
    const doc = open('service-path');
    const path = new ServicePath(doc);
    const stage = path.stageIds()[0]!;
    const v1 = version(1, doc);
    const pain = path.addItem(stage, 'painPoints', 'Ei tiedä minne soittaa')!;
    setPlainText(path.stageField(stage, 'experience')!, 'Turhautunut');
    const added = path.addStage({ title: 'Jälkihoito' });
    const changes = diffVersions(v1, version(2, doc));
    const kinds = changes.documents[0]!.changes.map((c) => [c.kind, c.itemId]);
    expect(kinds).toContainEqual(['item-added', pain]);
    expect(kinds).toContainEqual(['item-added', added]);
    expect(kinds).toContainEqual(['text-changed', stage]);
    expect(diffVersions(null, v1).documents[0]!.status).toBe('added');
    expect(diffVersions(v1, { version: 2, documents: [] }).documents[0]!.status).toBe('removed');
  });
});
