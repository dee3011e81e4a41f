import * as Y from 'yjs';
import { ActionPlan, formatLink, GoalTable, initialDocumentState, materialiseDocument, ServicePath, setPlainText, type VersionChanges } from '@yhteispaja/model';
import type { ReportDocument, ReportInput } from '../types.ts';

/** Text a hostile participant could type: markup of every format the reports write, and formulas. */
export const hostileText = '<script>alert("x")</script> #set page(fill: red) ]] & =HYPERLINK("http://evil") *bold* `code`';
export const formulaText = '=1+2';

const ids = {
  goals: '11111111-1111-4111-8111-111111111111',
  selfEval: '22222222-2222-4222-8222-222222222222',
  plan: '33333333-3333-4333-8333-333333333333',
  path: '44444444-4444-4444-8444-444444444444',
};

function docOf(build: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc();
  build(doc);
  return doc;
}

/** A workshop of a goal table (`rows` rows), a self-evaluation, an action plan and a service path, linked idea → row → action. */
export function sampleWorkshop(rows = 6): { docs: Record<keyof typeof ids, Y.Doc>; rowIds: string[] } {
  const rowIds: string[] = [];
  const goals = docOf((doc) => {
    const table = GoalTable.create(doc, {
      title: 'Tavoitteet ja toimenpiteet – Åland',
      columns: [
        { id: 'goal', kind: 'rich-text', title: 'Tavoite' },
        { id: 'task', kind: 'rich-text', title: 'Kehittämistehtävä' },
        { id: 'status', kind: 'status', title: 'Tila', scale: 'four-state' },
        { id: 'people', kind: 'people', title: 'Vastuuhenkilöt' },
        { id: 'when', kind: 'schedule', title: 'Aikataulu' },
      ],
    });
    table.addRow(Number.POSITIVE_INFINITY, 'heading', 'Tavoitteet');
    const statuses = ['not-started', 'started', 'partly-done', 'done'];
    for (let i = 0; i < rows; i++) {
      const id = table.addRow();
      rowIds.push(id);
      setPlainText(table.richText(id, 'goal')!, i === 0 ? hostileText : i === 1 ? formulaText : `Tavoite ${i + 1}: äöå ÄÖÅ`);
      setPlainText(table.richText(id, 'task')!, `Tehtävä ${i + 1}\ntoinen rivi`);
      table.setStatus(id, 'status', statuses[i % 4]);
      table.people(id, 'people')!.push(['Äijä Öhman', 'Åsa Ek']);
      table.schedule(id, 'when')!.insert(0, 'syksy 2026');
    }
  });
  const selfEval = new Y.Doc();
  Y.applyUpdate(selfEval, initialDocumentState({ type: 'goal-table', title: 'Oma-arviointi syksy 2021', template: 'self-evaluation', locale: 'fi' }));
  const selfTable = new GoalTable(selfEval);
  const evalColumn = selfTable.columns().find((c) => c.kind === 'evaluation')!;
  const measureColumn = selfTable.columns().find((c) => c.kind === 'rich-text')!;
  const firstItem = selfTable.rows().find((r) => r.kind === 'item')!.id;
  setPlainText(selfTable.richText(firstItem, measureColumn.id)!, 'Perhekeskusmallin käyttöönotto');
  selfTable.evaluation(firstItem, evalColumn.id)!.set(evalColumn.periods[0]!.id, '2');
  selfTable.evaluation(firstItem, evalColumn.id)!.set(evalColumn.periods[1]!.id, '4');

  let actionId = '';
  const plan = docOf((doc) => {
    const p = ActionPlan.create(doc, { title: 'Toimintasuunnitelma 2026', sections: [{ title: 'Teema 1: Perhekeskus', fields: { goals: 'Palvelut yhteen paikkaan' } }] });
    actionId = p.addAction(p.sectionIds()[0]!, { text: 'Perhekeskuksen avaaminen', status: 'ongoing', start: '2026-01-01', end: 'syksy 2026', responsible: ['Åsa Ek'] })!;
    p.addAction(p.sectionIds()[0]!, { text: hostileText, status: 'done' });
  });
  let ideaId = '';
  const path = docOf((doc) => {
    const sp = ServicePath.create(doc, {
      title: 'Lapsiperheen palvelupolku',
      lanes: ['Asiakas ja perhe', 'Sosiaalihuolto'],
      stages: [{ title: 'Tunnistaminen', fields: { clientActions: 'Ottaa yhteyttä neuvolaan' }, channels: ['phone'] }, { title: 'Palvelutarpeen arviointi' }, { title: 'Seuranta' }],
    });
    const stage = sp.stageIds()[0]!;
    setPlainText(sp.laneNote(stage, sp.laneIds()[0]!)!, 'Huoli lapsen hyvinvoinnista');
    ideaId = sp.addItem(stage, 'ideas', 'Chat-palvelu iltaisin')!;
    sp.addItem(stage, 'painPoints', 'Pitkät jonot <b>puhelimessa</b>');
    sp.itemLinks(stage, 'ideas', ideaId)!.push([formatLink({ documentId: ids.goals, itemId: rowIds[2]! })]);
  });
  new GoalTable(goals).links(rowIds[2]!)!.push([formatLink({ documentId: ids.plan, itemId: actionId })]);
  return { docs: { goals, selfEval, plan, path }, rowIds };
}

function materialiseAll(docs: Record<keyof typeof ids, Y.Doc>): ReportDocument[] {
  return (Object.keys(ids) as (keyof typeof ids)[]).map((key) => ({ id: ids[key], content: materialiseDocument(docs[key]) }));
}

/** A report input of version 2, with version 1 before it (one status moved) and a few changes. */
export function sampleInput(rows = 6): ReportInput {
  const { docs, rowIds } = sampleWorkshop(rows);
  const v1 = materialiseAll(docs);
  new GoalTable(docs.goals).setStatus(rowIds[0]!, 'status', 'done');
  const v2 = materialiseAll(docs);
  const changes: VersionChanges = {
    from: 1,
    to: 2,
    documents: [
      {
        documentId: ids.goals,
        title: 'Tavoitteet ja toimenpiteet – Åland',
        type: 'goal-table',
        status: 'changed',
        changes: [
          {
            kind: 'status-changed',
            itemKind: 'row',
            itemId: rowIds[0]!,
            label: hostileText,
            field: 'status',
            fieldLabel: 'Tila',
            from: { scaleId: 'four-state', value: 'not-started', label: { fi: 'Ei aloitettu', sv: 'Inte påbörjad', en: 'Not started' }, color: '#6b6b6b' },
            to: { scaleId: 'four-state', value: 'done', label: { fi: 'Toteutunut', sv: 'Förverkligad', en: 'Achieved' }, color: '#1d6b35' },
            by: [{ userId: 'u1', name: 'Äijä Öhman' }],
          },
        ],
      },
    ],
  };
  return {
    organisation: { name: 'Keski-Suomen hyvinvointialue' },
    workshop: { id: '55555555-5555-4555-8555-555555555555', title: 'Perhekeskustyöpaja Jyväskylä' },
    snapshot: {
      id: '66666666-6666-4666-8666-666666666666',
      version: 2,
      label: 'Oma-arviointi syksy 2021',
      createdAt: Date.UTC(2021, 10, 15, 12, 30, 0),
      createdBy: 'Åsa Ek',
      participants: ['Äijä Öhman', 'Åsa Ek', 'Björn Sjöström'],
      sha256: 'a'.repeat(64),
    },
    documents: v2,
    previous: [{ version: 1, label: 'Lähtötilanne', createdAt: Date.UTC(2021, 2, 1, 9, 0, 0), documents: v1 }],
    changes,
  };
}
