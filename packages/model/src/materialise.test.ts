import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { initialDocumentState } from './create.ts';
import { GoalTable } from './goal-table.ts';
import { formatLink } from './links.ts';
import { materialiseDocument, UnmaterialisableDocumentError, type MaterialisedGoalTable } from './materialise.ts';
import { documentTypes } from './meta.ts';
import { maxRichDepth, richTextPlain, type RichElementNode } from './rich-json.ts';
import { setPlainText } from './richtext.ts';
import { ServicePath } from './service-path.ts';
import { actionPlanTemplates } from './templates/action-plan.ts';
import { goalTableTemplates } from './templates/goal-table.ts';
import { servicePathTemplates } from './templates/service-path.ts';

function docFrom(update: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc;
}

const templatesByType = { 'goal-table': goalTableTemplates, 'action-plan': actionPlanTemplates, 'service-path': servicePathTemplates };

describe('materialiseDocument', () => {
  for (const type of documentTypes) {
    for (const template of templatesByType[type]) {
      it(`materialises a new ${type} from template ${template.id} in every locale`, () => {
        for (const locale of ['fi', 'sv', 'en'] as const) {
          const doc = docFrom(initialDocumentState({ type, title: `Otsikko ${locale}`, template: template.id, locale }));
          const before = Y.encodeStateAsUpdate(doc);
          const content = materialiseDocument(doc);
          expect(content.type).toBe(type);
          expect(content.meta.title).toBe(`Otsikko ${locale}`);
          expect(content.meta.schemaVersion).toBeGreaterThan(0);
          // Reading must never write into the doc.
          expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
          // Plain JSON: survives a round trip unchanged.
          expect(JSON.parse(JSON.stringify(content))).toEqual(content);
          if (content.type === 'goal-table') expect(content.columns.length).toBeGreaterThan(0);
          if (content.type === 'action-plan') expect(content.sections.length).toBeGreaterThan(0);
          if (content.type === 'service-path') expect(content.stages.length).toBeGreaterThan(0);
        }
      });
    }
  }

  it('reads a goal table with every kind of cell, headings, scales and links, in display order', () => {
    const doc = new Y.Doc();
    const table = GoalTable.create(doc, {
      title: 'Tavoitteet',
      columns: [
        { id: 'goal', kind: 'rich-text', title: 'Tavoite' },
        { id: 'status', kind: 'status', title: 'Tila', scale: 'four-state' },
        { id: 'people', kind: 'people', title: 'Vastuu' },
        { id: 'when', kind: 'schedule', title: 'Aikataulu' },
        { id: 'due', kind: 'date', title: 'Määräpäivä' },
        { id: 'count', kind: 'number', title: 'Määrä' },
        { id: 'eval', kind: 'evaluation', title: 'Kypsyys', scale: 'maturity-1-5', periods: ['Syksy', 'Kevät'] },
      ],
    });
    const custom = table.addScale({ name: 'Kyllä/ei', steps: [{ label: 'Ei', colour: '#6b6b6b' }, { label: 'Kyllä', colour: '#1d6b35' }] });
    const second = table.addRow();
    const heading = table.addRow(0, 'heading', 'Ryhmä Å');
    const first = table.addRow(1);
    setPlainText(table.richText(first, 'goal')!, 'Ensimmäinen\ntoinen rivi');
    table.setStatus(first, 'status', 'started');
    table.people(first, 'people')!.push(['Äijä Öhman']);
    table.schedule(first, 'when')!.insert(0, 'syksy 2026');
    table.setValue(first, 'due', '2026-12-01');
    table.setValue(first, 'count', 3);
    const periods = table.columns().find((c) => c.id === 'eval')!.periods;
    table.evaluation(first, 'eval')!.set(periods[1]!.id, '4');
    const target = { documentId: '11111111-2222-3333-4444-555555555555', itemId: 'abcdef123' };
    table.links(first)!.push([formatLink(target), formatLink(target), 'not a link']);

    const content = materialiseDocument(doc) as MaterialisedGoalTable;
    expect(content.rows.map((r) => r.id)).toEqual([heading, first, second]);
    expect(content.rows[0]).toMatchObject({ kind: 'heading', heading: 'Ryhmä Å', cells: {} });
    const row = content.rows[1]!;
    expect(richTextPlain(row.cells.goal as never)).toBe('Ensimmäinen\ntoinen rivi');
    expect(row.cells).toMatchObject({ status: 'started', people: ['Äijä Öhman'], when: 'syksy 2026', due: '2026-12-01', count: 3, eval: { [periods[1]!.id]: '4' } });
    expect(row.links).toEqual([target]);
    expect(content.rows[2]!.cells).toMatchObject({ status: null, due: null, count: null, people: [], when: '', eval: {} });
    const evalColumn = content.columns.find((c) => c.id === 'eval')!;
    expect(evalColumn.periods.map((p) => p.label)).toEqual(['Syksy', 'Kevät']);
    expect(evalColumn.scale?.steps.map((s) => s.key)).toEqual(['1', '2', '3', '4', '5']);
    expect(content.columns.find((c) => c.id === 'status')!.scale?.steps[1]!.label.sv).toBe('Påbörjad');
    expect(content.scales).toEqual([{ id: custom, name: { fi: 'Kyllä/ei', sv: 'Kyllä/ei', en: 'Kyllä/ei' }, steps: [
      { key: 's1', label: { fi: 'Ei', sv: 'Ei', en: 'Ei' }, colour: '#6b6b6b' },
      { key: 's2', label: { fi: 'Kyllä', sv: 'Kyllä', en: 'Kyllä' }, colour: '#1d6b35' },
    ] }]);
  });

  it('reads action plans and service paths with their items and links', () => {
    const planDoc = new Y.Doc();
    const plan = ActionPlan.create(planDoc, { title: 'Suunnitelma', sections: [{ title: 'Teema 1', fields: { goals: 'Tavoite' } }] });
    const section = plan.sectionIds()[0]!;
    const action = plan.addAction(section, { text: 'Tee asia', status: 'ongoing', start: '2026-01-01', end: 'syksy 2026', responsible: ['Åsa'] })!;
    const planContent = materialiseDocument(planDoc);
    expect(planContent.type).toBe('action-plan');
    if (planContent.type !== 'action-plan') return;
    expect(planContent.sections[0]).toMatchObject({ id: section, title: 'Teema 1' });
    expect(richTextPlain(planContent.sections[0]!.fields.goals)).toBe('Tavoite');
    expect(planContent.sections[0]!.actions).toMatchObject([{ id: action, status: 'ongoing', start: '2026-01-01', end: 'syksy 2026', responsible: ['Åsa'] }]);

    const pathDoc = new Y.Doc();
    const path = ServicePath.create(pathDoc, { title: 'Polku', lanes: ['Asiakas'], stages: [{ title: 'Alku', channels: ['phone'] }] });
    const stage = path.stageIds()[0]!;
    const lane = path.laneIds()[0]!;
    setPlainText(path.laneNote(stage, lane)!, 'Soittaa');
    const idea = path.addItem(stage, 'ideas', 'Chat')!;
    path.addItem(stage, 'painPoints', 'Jonot');
    const pathContent = materialiseDocument(pathDoc);
    if (pathContent.type !== 'service-path') throw new Error('wrong type');
    expect(pathContent.lanes).toEqual([{ id: lane, title: 'Asiakas' }]);
    expect(pathContent.stages[0]!.channels).toEqual(['phone']);
    expect(richTextPlain(pathContent.stages[0]!.laneNotes[lane]!)).toBe('Soittaa');
    expect(pathContent.stages[0]!.ideas.map((i) => i.id)).toEqual([idea]);
    expect(richTextPlain(pathContent.stages[0]!.painPoints[0]!.text)).toBe('Jonot');
  });

  it('ignores unknown root types and keeps unknown rich-text nodes and marks', () => {
    const doc = new Y.Doc();
    const table = GoalTable.create(doc, { title: 'T', columns: [{ id: 'goal', kind: 'rich-text', title: 'Tavoite' }], rows: 1 });
    doc.getMap('futureRoot').set('x', 1);
    doc.getText('anotherFuture').insert(0, 'hello');
    const row = table.rows()[0]!.id;
    const fragment = table.richText(row, 'goal')!;
    const unknown = new Y.XmlElement('mysteryWidget');
    unknown.setAttribute('level', '3' as never);
    const inner = new Y.XmlText();
    unknown.insert(0, [inner]);
    fragment.insert(0, [unknown]);
    inner.insert(0, 'salainen', { highlight: { color: 'yellow' }, bold: {} });
    const content = materialiseDocument(doc) as MaterialisedGoalTable;
    expect(content.rows[0]!.cells.goal).toEqual([
      { type: 'mysteryWidget', attrs: { level: '3' }, content: [{ type: 'text', text: 'salainen', marks: [{ type: 'bold' }, { type: 'highlight', attrs: { color: 'yellow' } }] }] },
    ]);
    expect(Object.keys(content)).toEqual(['type', 'meta', 'columns', 'rows', 'scales']);
  });

  it('rejects a doc without a known type with its own error', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('type', 'spreadsheet-of-the-future');
    expect(() => materialiseDocument(doc)).toThrow(UnmaterialisableDocumentError);
  });

  it('survives a 30,000-deep nested Y.Map and a 30,000-deep rich-text nesting without overflowing the stack', () => {
    const doc = new Y.Doc();
    const table = GoalTable.create(doc, {
      title: 'Syvä',
      columns: [{ id: 'goal', kind: 'rich-text', title: 'Tavoite' }, { id: 'eval', kind: 'evaluation', title: 'E', periods: ['P'] }],
      rows: 1,
    });
    const row = table.rows()[0]!.id;
    // One transaction: Yjs walks the parent chain per transaction, so one per level would take minutes.
    doc.transact(() => {
      let map = table.evaluation(row, 'eval')! as unknown as Y.Map<unknown>;
      for (let i = 0; i < 30_000; i++) {
        const child = new Y.Map<unknown>();
        map.set('deeper', child);
        map = child;
      }
      let element: Y.XmlFragment | Y.XmlElement = table.richText(row, 'goal')!;
      for (let i = 0; i < 30_000; i++) {
        const child = new Y.XmlElement('blockquote');
        element.insert(0, [child]);
        element = child;
      }
      element.insert(0, [new Y.XmlText('pohja')]);
    });
    const remote = docFrom(Y.encodeStateAsUpdate(doc));
    const content = materialiseDocument(remote) as MaterialisedGoalTable;
    expect(content.rows[0]!.cells.eval).toEqual({});
    let node = (content.rows[0]!.cells.goal as RichElementNode[])[0]!;
    let depth = 1;
    while (node.content?.[0] && node.content[0].type !== 'text') {
      node = node.content[0] as RichElementNode;
      depth++;
    }
    expect(depth).toBe(maxRichDepth);
    expect(node.content).toEqual([{ type: 'text', text: 'pohja' }]);
    expect(() => JSON.stringify(content)).not.toThrow();
  }, 60_000);
});
