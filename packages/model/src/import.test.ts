import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { initialDocumentState } from './create.ts';
import { GoalTable } from './goal-table.ts';
import { ImportError, importIntoActionPlan, importIntoGoalTable } from './import.ts';
import { richTextToPlain } from './richtext.ts';

function doc(type: 'goal-table' | 'action-plan', template?: string): Y.Doc {
  const d = new Y.Doc();
  Y.applyUpdate(d, initialDocumentState({ type, title: 'T', template, locale: 'fi' }));
  return d;
}

/** Rows of the Kainuu goal table in the 2016 "Paljon tukea" action plan (shared/domain), as read from its Markdown. */
const kainuu = {
  headers: ['Tavoitteet', 'Kehittämistehtävä', 'Aloitettu', 'Ei aloitettu', 'Toteutunut osittain', 'Toteutunut', 'Aikataulu', 'Vastuhenkilöt'],
  rows: [
    ['1. Lisätä asiakkaiden osallisuutta', 'Ohjaus-, projekti- ja koordinaatioryhmä paikallisen kehittämistyön tueksi', 'x', '', '', '', 'syksy 2015', ''],
    ['Terveys- ja hoitosuunnitelma', 'Alueellinen koulutus', 'x', '', 'x th', '', 'syksy 2015 -', ''],
    ['Hoito- ja palvelusuunnitelma', 'Smi koulutus, työjärjestelyt', 'x', 'x', '', '', 'syksy 2015 - kevät/2016 -', ''],
    ['Omasote', 'Omahoitopisteen käyttökoulutus', '', 'x', '', '', 'syksy/2016', 'atk kth'],
  ],
};

describe('importing into a goal table', () => {
  it('maps the 2016 action plan’s columns, its one-x-per-status layout and a misspelt header', () => {
    const table = new GoalTable(doc('goal-table'));
    const before = table.rows().length;
    expect(importIntoGoalTable(table, kainuu)).toEqual({ rowsAdded: 4, columnsCreated: [], personalData: [] });
    const rows = table.rows().slice(before);
    expect(rows.map((r) => table.status(r.id, 'status'))).toEqual(['started', 'partly-done', 'started', 'not-started']);
    expect(richTextToPlain(table.richText(rows[0]!.id, 'goal')!)).toBe('1. Lisätä asiakkaiden osallisuutta');
    expect(richTextToPlain(table.richText(rows[2]!.id, 'schedule')!)).toBe('syksy 2015 - kevät/2016 -');
    expect(richTextToPlain(table.richText(rows[3]!.id, 'responsible')!)).toBe('atk kth');
  });

  it('maps status words in Finnish, Swedish and English, creates unknown columns, and fills people and schedules', () => {
    const table = new GoalTable(doc('goal-table', 'regional-action-plan'));
    const before = table.rows().length;
    const result = importIntoGoalTable(table, {
      headers: ['Mål', 'Status', 'Tidtabell', 'Ansvarspersoner', 'Huomiot'],
      rows: [
        ['Delaktighet', 'Påbörjad', 'hösten 2026', 'Maija, Pekka', 'Pilotti Kajaanissa'],
        ['Participation', 'Partly achieved', '', 'Aino', ''],
        ['Osallisuus', 'toteutunut', 'koko hankkeen ajan', '', ''],
      ],
    });
    expect(result).toEqual({ rowsAdded: 3, columnsCreated: ['Huomiot'], personalData: [] });
    const rows = table.rows().slice(before);
    expect(rows.map((r) => table.status(r.id, 'status'))).toEqual(['started', 'partly-done', 'done']);
    expect(table.people(rows[0]!.id, 'responsible')!.toArray()).toEqual(['Maija', 'Pekka']);
    expect(table.schedule(rows[2]!.id, 'schedule')!.toString()).toBe('koko hankkeen ajan');
    const notes = table.columns().find((c) => c.title === 'Huomiot')!;
    expect(richTextToPlain(table.richText(rows[0]!.id, notes.id)!)).toBe('Pilotti Kajaanissa');
  });

  it('imports but flags cells that look like client data', () => {
    const table = new GoalTable(doc('goal-table'));
    const result = importIntoGoalTable(table, { headers: ['Tavoite', 'Huomiot'], rows: [['Osallisuus', 'Asiakas 131052-308T'], ['Koulutus', 'diagnoosi F32.1']] });
    expect(result.personalData).toEqual([
      { row: 2, column: 'Huomiot', kind: 'personal-identity-code' },
      { row: 3, column: 'Huomiot', kind: 'health-detail' },
      { row: 3, column: 'Huomiot', kind: 'health-detail' },
    ]);
  });

  it('writes nothing when a cell is wrong, and names every bad cell’s row and column', () => {
    const table = new GoalTable(doc('goal-table'));
    const before = Y.encodeStateVector(table.doc);
    let error: unknown;
    try {
      importIntoGoalTable(table, { headers: ['Tavoite', 'Tila'], rows: [['A', 'Aloitettu'], ['B', 'melkein'], ['C', 'kohta']] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).problems).toEqual([
      { row: 3, column: 'Tila', value: 'melkein', message: '"melkein" is not a step of the status scale' },
      { row: 4, column: 'Tila', value: 'kohta', message: '"kohta" is not a step of the status scale' },
    ]);
    expect(Y.encodeStateVector(table.doc)).toEqual(before);
  });
});

describe('importing into an action plan', () => {
  it('groups actions under their themes, creating themes that do not exist', () => {
    const plan = new ActionPlan(doc('action-plan'));
    const result = importIntoActionPlan(plan, {
      headers: ['Teema', 'Toimenpide', 'Tila', 'Alkaa', 'Päättyy', 'Vastuuhenkilöt'],
      rows: [
        ['Asiakkaiden osallisuus', 'Kokemusasiantuntijat mukaan työpajoihin', 'käynnissä', '2026-01-01', 'syksy 2026', 'Aino; Bo'],
        ['Digitaaliset palvelut', 'Chat-palvelu', 'suunniteltu', '', '', ''],
        ['', 'Palautekysely', 'valmis', '', '', ''],
      ],
    });
    expect(result.rowsAdded).toBe(3);
    const titles = plan.sectionIds().map((id) => plan.sectionTitle(id)!.toString());
    expect(titles.filter((t) => t === 'Asiakkaiden osallisuus')).toHaveLength(1);
    const digital = plan.sectionIds().find((id) => plan.sectionTitle(id)!.toString() === 'Digitaaliset palvelut')!;
    expect(plan.actions(digital).map((a) => a.status)).toEqual(['planned', 'done']);
    const participation = plan.sectionIds()[0]!;
    expect(plan.actions(participation)[0]).toMatchObject({ status: 'ongoing', start: '2026-01-01', end: 'syksy 2026' });
    expect(plan.responsible(participation, plan.actions(participation)[0]!.id)!.toArray()).toEqual(['Aino', 'Bo']);
    expect(() => importIntoActionPlan(plan, { headers: ['Toimenpide', 'Tila'], rows: [['X', 'ehkä']] })).toThrow(ImportError);
  });

  it('understands the status words of real steering-group tables', () => {
    const plan = new ActionPlan(doc('action-plan'));
    const words = ['Toteutettu osittain', 'Käynnissä', 'Suunniteltu', 'Toteutettu', 'Delvis genomförd', 'Partially implemented'];
    importIntoActionPlan(plan, { headers: ['Toimenpide', 'Tilanne'], rows: words.map((word, i) => [`Toimenpide ${i + 1}`, word]) });
    const section = plan.sectionIds()[0]!;
    expect(plan.actions(section).map((a) => a.status)).toEqual(['ongoing', 'ongoing', 'planned', 'done', 'ongoing', 'ongoing']);
  });

  it('maps words without a match as the facilitator chose, and refuses them otherwise', () => {
    const table = { headers: ['Toimenpide', 'Tila'], rows: [['Chat', 'Odottaa rahoitusta'], ['Kysely', 'valmis']] };
    const refused = new ActionPlan(doc('action-plan'));
    try {
      importIntoActionPlan(refused, table);
      expect.unreachable('the unknown word must be refused');
    } catch (error) {
      expect((error as ImportError).problems).toEqual([expect.objectContaining({ row: 2, column: 'Tila', value: 'Odottaa rahoitusta' })]);
    }
    expect(refused.actions(refused.sectionIds()[0]!)).toHaveLength(0);

    const plan = new ActionPlan(doc('action-plan'));
    const result = importIntoActionPlan(plan, table, { statusMap: { 'odottaa rahoitusta': 'planned' } });
    expect(result.rowsAdded).toBe(2);
    expect(plan.actions(plan.sectionIds()[0]!).map((a) => a.status)).toEqual(['planned', 'done']);
  });
});
