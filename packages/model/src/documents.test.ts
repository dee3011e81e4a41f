import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import { ActionPlan } from './action-plan.ts';
import { initialDocumentState, templatesFor, UnknownTemplateError } from './create.ts';
import { GoalTable } from './goal-table.ts';
import { addLink, readLinks, removeLink } from './links.ts';
import { documentTypes, readMeta } from './meta.ts';
import { migrateDocument } from './migrate.ts';
import { importIntoGoalTable } from './import.ts';
import { richTextToPlain } from './richtext.ts';
import { ServicePath } from './service-path.ts';

function fromTemplate(type: (typeof documentTypes)[number], template?: string, locale: 'fi' | 'sv' | 'en' = 'fi'): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, initialDocumentState({ type, title: 'T', template, locale }));
  return doc;
}

describe('templates', () => {
  it('creates a current, valid document from every template of every type, in Finnish and Swedish', () => {
    for (const type of documentTypes) {
      for (const { id } of templatesFor(type)) {
        for (const locale of ['fi', 'sv'] as const) {
          const doc = fromTemplate(type, id, locale);
          expect(readMeta(doc)?.type).toBe(type);
          expect(migrateDocument(doc)).toBe(false);
        }
      }
    }
    expect(() => fromTemplate('goal-table', 'no-such-template')).toThrow(UnknownTemplateError);
  });

  it('lays out the THL self-evaluation by the five national benefit goals with a 1–5 maturity column', () => {
    const table = new GoalTable(fromTemplate('goal-table', 'self-evaluation'));
    const headings = table.rows().filter((r) => r.kind === 'heading');
    expect(headings.map((h) => table.heading(h.id)!.toString())).toEqual([
      '1. Palveluiden yhdenvertaisen saatavuuden, oikea-aikaisuuden ja jatkuvuuden parantaminen',
      '2. Toiminnan painotuksen siirtäminen raskaista palveluista ehkäisevään ja ennakoivaan työhön',
      '3. Palveluiden laadun ja vaikuttavuuden parantaminen',
      '4. Palveluiden monialaisuuden ja yhteentoimivuuden varmistaminen',
      '5. Kustannusten nousun hillitseminen',
    ]);
    const maturity = table.columns().find((c) => c.kind === 'evaluation')!;
    expect(maturity.scale).toBe('maturity-1-5');
    expect(maturity.periods.map((p) => p.label)).toEqual(['Lähtötilanne', 'Syksy', 'Kevät']);
    const measure = table.rows().find((r) => r.kind === 'item')!;
    table.evaluation(measure.id, maturity.id)!.set(maturity.periods[1]!.id, '3');
    expect(table.evaluation(measure.id, maturity.id)!.toJSON()).toEqual({ [maturity.periods[1]!.id]: '3' });
  });

  it('starts a service path with the typical stages and actor lanes', () => {
    const path = new ServicePath(fromTemplate('service-path'));
    expect(path.stageIds().map((id) => path.stageTitle(id)!.toString())).toEqual([
      'Tunnistaminen', 'Palvelutarpeen arviointi', 'Suunnitelma', 'Palvelu', 'Seuranta',
    ]);
    expect(path.laneIds()).toHaveLength(4);
  });
});

describe('goal table columns and groups', () => {
  it('adds, renames, reorders and removes columns of every kind', () => {
    const table = new GoalTable(fromTemplate('goal-table'));
    const row = table.rows()[0]!.id;
    const people = table.addColumn({ kind: 'people', title: 'Vastuut' }, 0);
    const date = table.addColumn({ kind: 'date', title: 'Valmis' });
    const count = table.addColumn({ kind: 'number', title: 'Asiakkaita' });
    const periods = table.addColumn({ kind: 'evaluation', title: 'Tulokset', periods: ['Kevät 2021'] });
    expect(table.columns()[0]!.id).toBe(people);
    table.people(row, people)!.push(['Maija', 'Pekka']);
    table.setValue(row, date, '2026-12-31');
    table.setValue(row, count, 42);
    const autumn = table.addPeriod(periods, 'Syksy 2021')!;
    table.evaluation(row, periods)!.set(autumn, 'Toteutunut osittain');
    table.renameColumn(people, 'Vastuuhenkilöt');
    table.moveColumn(people, 10);
    expect(table.columns().at(-1)!.title).toBe('Vastuuhenkilöt');
    expect(table.columns().find((c) => c.id === periods)!.periods.map((p) => p.label)).toEqual(['Kevät 2021', 'Syksy 2021']);
    expect([table.people(row, people)!.toArray(), table.value(row, date), table.value(row, count)]).toEqual([['Maija', 'Pekka'], '2026-12-31', 42]);
    table.removeColumn(count);
    expect(table.columns().some((c) => c.id === count)).toBe(false);
    expect(table.value(row, count)).toBeUndefined();
  });

  it('keeps custom status scales with labels and colours, usable by status columns and import', () => {
    const table = new GoalTable(fromTemplate('goal-table'));
    const id = table.addScale({ name: 'Kyllä/ei', steps: [{ label: 'Ei', colour: '#8a1c1c' }, { label: 'Osittain', colour: '#8a5a00' }, { label: 'Kyllä', colour: 'not-a-colour' }] });
    expect(table.scales().map((s) => s.id)).toEqual(['four-state', 'maturity-1-5', id]);
    expect(table.scale(id)!.steps.map((s) => [s.key, s.label.fi, s.colour])).toEqual([['s1', 'Ei', '#8a1c1c'], ['s2', 'Osittain', '#8a5a00'], ['s3', 'Kyllä', '#4a5565']]);
    const column = table.addColumn({ kind: 'status', title: 'Toteutuiko', scale: id });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(table.doc));
    expect(new GoalTable(copy).scale(id)!.name.fi).toBe('Kyllä/ei');
    const before = table.rows().length;
    importIntoGoalTable(table, { headers: ['Tavoite', 'Toteutuiko'], rows: [['A', 'osittain']] });
    expect(table.status(table.rows()[before]!.id, column)).toBe('s2');
  });

  it('groups rows under heading rows', () => {
    const table = new GoalTable(fromTemplate('goal-table', 'regional-action-plan'));
    expect(table.rows().map((r) => r.kind)).toEqual(['heading', 'item', 'heading', 'item', 'heading', 'item', 'heading', 'item', 'heading', 'item', 'heading', 'item']);
    expect(table.heading(table.rows()[2]!.id)!.toString()).toBe('Toimenpiteet');
    expect(table.schedule(table.rows()[1]!.id, 'schedule')).toBeInstanceOf(Y.Text);
  });

  type Op =
    | { kind: 'add-column'; at: number; columnKind: 'rich-text' | 'people' | 'schedule' }
    | { kind: 'move-column'; pick: number; at: number }
    | { kind: 'remove-column'; pick: number }
    | { kind: 'rename-column'; pick: number; title: string }
    | { kind: 'add-row'; at: number; heading: boolean }
    | { kind: 'move-row'; pick: number; at: number }
    | { kind: 'remove-row'; pick: number }
    | { kind: 'status'; pick: number; key: string }
    | { kind: 'person'; pick: number; name: string };

  const op: fc.Arbitrary<Op> = fc.oneof(
    fc.record({ kind: fc.constant('add-column' as const), at: fc.nat(6), columnKind: fc.constantFrom('rich-text' as const, 'people' as const, 'schedule' as const) }),
    fc.record({ kind: fc.constant('move-column' as const), pick: fc.nat(9), at: fc.nat(6) }),
    fc.record({ kind: fc.constant('remove-column' as const), pick: fc.nat(9) }),
    fc.record({ kind: fc.constant('rename-column' as const), pick: fc.nat(9), title: fc.string({ maxLength: 5 }) }),
    fc.record({ kind: fc.constant('add-row' as const), at: fc.nat(6), heading: fc.boolean() }),
    fc.record({ kind: fc.constant('move-row' as const), pick: fc.nat(9), at: fc.nat(6) }),
    fc.record({ kind: fc.constant('remove-row' as const), pick: fc.nat(9) }),
    fc.record({ kind: fc.constant('status' as const), pick: fc.nat(9), key: fc.constantFrom('started', 'done') }),
    fc.record({ kind: fc.constant('person' as const), pick: fc.nat(9), name: fc.constantFrom('Aino', 'Bo') }),
  );

  function apply(table: GoalTable, o: Op): void {
    const rows = table.rows();
    const columns = table.columns();
    const row = rows.length ? rows[('pick' in o ? o.pick : 0) % rows.length]!.id : undefined;
    const column = columns.length ? columns[('pick' in o ? o.pick : 0) % columns.length]!.id : undefined;
    if (o.kind === 'add-column') table.addColumn({ kind: o.columnKind, title: o.columnKind }, o.at);
    else if (o.kind === 'add-row') table.addRow(o.at, o.heading ? 'heading' : 'item', 'Otsikko');
    else if (o.kind === 'move-column' && column) table.moveColumn(column, o.at);
    else if (o.kind === 'remove-column' && column) table.removeColumn(column);
    else if (o.kind === 'rename-column' && column) table.renameColumn(column, o.title);
    else if (o.kind === 'move-row' && row) table.moveRow(row, o.at);
    else if (o.kind === 'remove-row' && row) table.removeRow(row);
    else if (o.kind === 'status' && row) table.setStatus(row, 'status', o.key);
    else if (o.kind === 'person' && row && table.rows().find((r) => r.id === row)?.kind === 'item') {
      const people = table.columns().find((c) => c.kind === 'people');
      if (people) table.people(row, people.id)!.push([o.name]);
    }
  }

  it('converges under random concurrent row and column operations, with no duplicates and every cell in place', () => {
    fc.assert(
      fc.property(fc.array(fc.array(op, { maxLength: 10 }), { minLength: 3, maxLength: 3 }), (perReplica) => {
        const base = fromTemplate('goal-table');
        const docs = perReplica.map(() => {
          const doc = new Y.Doc();
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
          return doc;
        });
        perReplica.forEach((ops, i) => ops.forEach((o) => apply(new GoalTable(docs[i]!), o)));
        for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        const tables = docs.map((doc) => new GoalTable(doc));
        for (const table of tables) expect(table.doc.toJSON()).toEqual(tables[0]!.doc.toJSON());
        for (const table of tables) {
          const rowIds = table.rows().map((r) => r.id);
          const columnIds = table.columns().map((c) => c.id);
          expect(new Set(rowIds).size).toBe(rowIds.length);
          expect(new Set(columnIds).size).toBe(columnIds.length);
          // Every item row can reach a value of the right type for every column (created on demand if a column arrived concurrently).
          for (const row of table.rows().filter((r) => r.kind === 'item')) {
            for (const column of table.columns()) {
              if (column.kind === 'rich-text') expect(table.richText(row.id, column.id)).toBeInstanceOf(Y.XmlFragment);
              if (column.kind === 'people') expect(table.people(row.id, column.id)).toBeInstanceOf(Y.Array);
            }
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});

describe('action plans', () => {
  it('keeps sections with goals, outputs, impacts and metrics, and actions with status, dates and people', () => {
    const plan = new ActionPlan(fromTemplate('action-plan', 'work-packages'));
    const [wp1, wp2] = plan.sectionIds();
    const action = plan.addAction(wp1!, { text: 'Koulutetaan palveluohjaajat', status: 'ongoing', start: '2026-01-15', end: 'syksy 2026', responsible: ['Aino'] })!;
    plan.addAction(wp1!, { text: 'Kuvataan toimintamalli' });
    plan.setActionStatus(wp1!, action, 'done');
    plan.setActionDates(wp1!, action, { end: undefined });
    expect(plan.actions(wp1!).map((a) => [a.status, a.start, a.end])).toEqual([['done', '2026-01-15', undefined], ['planned', undefined, undefined]]);
    expect(richTextToPlain(plan.actionText(wp1!, action)!)).toBe('Koulutetaan palveluohjaajat');
    expect(plan.responsible(wp1!, action)!.toArray()).toEqual(['Aino']);
    plan.sectionField(wp1!, 'metrics')!.insert(0, [new Y.XmlElement('paragraph')]);
    plan.moveActionToSection(wp1!, action, wp2!);
    expect(plan.actions(wp2!).map((a) => a.id)).toEqual([action]);
    expect(richTextToPlain(plan.actionText(wp2!, action)!)).toBe('Koulutetaan palveluohjaajat');
    expect(plan.actions(wp1!)).toHaveLength(1);
  });
});

describe('service paths', () => {
  it('keeps stages with channels, lane notes, pain points and ideas', () => {
    const path = new ServicePath(fromTemplate('service-path'));
    const [first] = path.stageIds();
    path.setChannel(first!, 'phone', true);
    path.setChannel(first!, 'digital', true);
    path.setChannel(first!, 'phone', false);
    expect(path.channels(first!)).toEqual(['digital']);
    const pain = path.addItem(first!, 'painPoints', 'Asiakas ei tiedä, mihin ottaa yhteyttä')!;
    const idea = path.addItem(first!, 'ideas', 'Yksi puhelinnumero')!;
    path.moveItem(first!, 'painPoints', pain, 0);
    expect(richTextToPlain(path.itemText(first!, 'ideas', idea)!)).toBe('Yksi puhelinnumero');
    const lane = path.laneIds()[1]!;
    path.laneNote(first!, lane)!.insert(0, [new Y.XmlElement('paragraph')]);
    path.removeLane(lane);
    expect(path.laneNote(first!, lane)).toBeUndefined();
    path.moveStage(first!, 4);
    expect(path.stageIds().at(-1)).toBe(first);
  });
});

describe('traceability links', () => {
  it('links an idea to a goal-table row to an action, and the links survive moves and a round trip through an update', () => {
    const path = new ServicePath(fromTemplate('service-path'));
    const table = new GoalTable(fromTemplate('goal-table'));
    const plan = new ActionPlan(fromTemplate('action-plan'));
    const stage = path.stageIds()[0]!;
    const idea = path.addItem(stage, 'ideas', 'Yksi puhelinnumero')!;
    const task = table.rows()[1]!.id;
    const section = plan.sectionIds()[0]!;
    const action = plan.addAction(section, { text: 'Otetaan käyttöön yhteinen numero' })!;
    const ids = { path: '11111111-1111-4111-8111-111111111111', table: '22222222-2222-4222-8222-222222222222', plan: '33333333-3333-4333-8333-333333333333' };

    addLink(path.itemLinks(stage, 'ideas', idea)!, { documentId: ids.table, itemId: task });
    addLink(path.itemLinks(stage, 'ideas', idea)!, { documentId: ids.table, itemId: task });
    addLink(table.links(task)!, { documentId: ids.plan, itemId: action });
    table.moveRow(task, 0);
    plan.moveActionToSection(section, action, plan.sectionIds()[1]!);

    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(table.doc));
    expect(readLinks(path.itemLinks(stage, 'ideas', idea)!)).toEqual([{ documentId: ids.table, itemId: task }]);
    expect(readLinks(new GoalTable(copy).links(task)!)).toEqual([{ documentId: ids.plan, itemId: action }]);
    expect(plan.actions(plan.sectionIds()[1]!).map((a) => a.id)).toContain(action);
    removeLink(table.links(task)!, { documentId: ids.plan, itemId: action });
    expect(readLinks(table.links(task)!)).toEqual([]);
  });
});
