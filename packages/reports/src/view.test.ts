import { describe, expect, it } from 'vitest';
import { buildProgressMatrix } from './progress.ts';
import { sampleInput } from './testing/fixture.ts';
import { buildTraceChains } from './trace.ts';
import { buildReportView } from './view.ts';

describe('report content', () => {
  it('has a cover with organisation, workshop, version, label, date and participants', () => {
    const view = buildReportView(sampleInput(), 'en');
    expect(view.lang).toBe('en-GB');
    expect(view.cover.map((c) => c.text)).toEqual([
      'Keski-Suomen hyvinvointialue',
      'Perhekeskustyöpaja Jyväskylä',
      'v2',
      'Oma-arviointi syksy 2021',
      '15 November 2021 at 14:30',
      'Åsa Ek',
      'Äijä Öhman, Åsa Ek, Björn Sjöström',
      'a'.repeat(64),
    ]);
    expect(view.parts.map((p) => p.id)).toEqual([
      'doc-11111111-1111-4111-8111-111111111111',
      'doc-22222222-2222-4222-8222-222222222222',
      'doc-33333333-3333-4333-8333-333333333333',
      'doc-44444444-4444-4444-8444-444444444444',
      'progress',
      'changes',
      'trace',
    ]);
  });

  it('follows the THL/Innokylä structure for the self-evaluation: benefit goals, then each measure with its fields and results per period', () => {
    const view = buildReportView(sampleInput(), 'fi');
    const blocks = view.parts[1]!.blocks;
    const headings = blocks.filter((b) => b.kind === 'heading');
    expect(headings.filter((h) => h.level === 2)).toHaveLength(5);
    expect(headings[0]!.text).toBe('1. Palveluiden yhdenvertaisen saatavuuden, oikea-aikaisuuden ja jatkuvuuden parantaminen');
    expect(headings[1]).toEqual({ kind: 'heading', level: 3, text: 'Perhekeskusmallin käyttöönotto' });
    const results = blocks.find((b) => b.kind === 'table')!;
    if (results.kind !== 'table') throw new Error('no table');
    expect(results.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['Lähtötilanne', '2 Suunnitellaan'],
      ['Syksy', '4 Pilotoidaan'],
      ['Kevät', '–'],
    ]);
    expect(results.rows[1]!.cells[1]!.status).toEqual({ label: '4 Pilotoidaan', colour: '#8a5a00' });
  });

  it('builds the progress matrix across versions by row id', () => {
    const input = sampleInput();
    const matrix = buildProgressMatrix(input);
    const status = matrix.find((m) => m.columnId === 'status')!;
    expect(status.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(status.rows[0]!.values).toEqual(['not-started', 'done']);
    expect(status.rows[0]!.group).toBe('Tavoitteet');
    const maturity = matrix.filter((m) => m.documentId === '22222222-2222-4222-8222-222222222222');
    expect(maturity.map((m) => m.title)).toEqual(['Kypsyystaso: Lähtötilanne', 'Kypsyystaso: Syksy', 'Kypsyystaso: Kevät']);
  });

  it('builds traceability chains idea → goal row → action, from links in either direction', () => {
    const chains = buildTraceChains(sampleInput().documents);
    expect(chains).toHaveLength(1);
    expect(chains[0]!.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['idea', 'Chat-palvelu iltaisin'],
      ['row', 'Tavoite 3: äöå ÄÖÅ'],
      ['action', 'Perhekeskuksen avaaminen'],
    ]);
  });

  it('lists the changes since the previous version with old and new status labels', () => {
    const view = buildReportView(sampleInput(), 'sv');
    const changes = view.parts.find((p) => p.id === 'changes')!.blocks.find((b) => b.kind === 'table');
    if (changes?.kind !== 'table') throw new Error('no changes table');
    expect(changes.rows[0]!.cells.map((c) => c.text).slice(0, 1)).toEqual(['Status ändrades']);
    expect(changes.rows[0]!.cells.map((c) => c.text).slice(2)).toEqual(['Tila', 'Inte påbörjad', 'Förverkligad', 'Äijä Öhman']);
  });
});
