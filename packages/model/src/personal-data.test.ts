import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findPersonalData, isPersonalIdentityCode, removeTextEverywhere } from './personal-data.ts';
import { GoalTable } from './goal-table.ts';
import { initialDocumentState } from './create.ts';
import { richTextToPlain, setPlainText } from './richtext.ts';

describe('personal identity codes', () => {
  it('accepts valid codes of every century marker and refuses wrong check characters and dates', () => {
    expect(isPersonalIdentityCode('131052-308T')).toBe(true);
    expect(isPersonalIdentityCode('010594Y9032')).toBe(true);
    expect(isPersonalIdentityCode('020502E902X')).toBe(true);
    expect(isPersonalIdentityCode('131052-308U')).toBe(false);
    expect(isPersonalIdentityCode('310252-308T')).toBe(false);
    expect(isPersonalIdentityCode('131052-000T')).toBe(false);
  });

  it('finds codes and health terms in running text, not phone numbers or dates', () => {
    const findings = findPersonalData('Asiakas 131052-308T, diagnoosi F32.1. Soita 040-1234567 tai 12.3.2024.');
    expect(findings.map((f) => [f.kind, f.text])).toEqual([
      ['personal-identity-code', '131052-308T'],
      ['health-detail', 'diagnoosi'],
      ['health-detail', 'F32.1'],
    ]);
    expect(findPersonalData('Kehitetään palveluohjausta syksyllä 2026')).toEqual([]);
  });
});

describe('removeTextEverywhere', () => {
  it('removes a string from rich-text cells, map values and arrays, and drops it from the encoded state', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialDocumentState({ type: 'goal-table', title: 'T', locale: 'fi' }));
    const table = new GoalTable(doc);
    const [first, second] = table.rows().map((r) => r.id);
    setPlainText(table.richText(first!, 'goal')!, 'Asiakas 131052-308T tarvitsee tukea');
    setPlainText(table.richText(second!, 'task')!, '131052-308T ja 131052-308T');
    doc.getMap('notes').set('extra', 'hetu 131052-308T');
    doc.getArray<string>('tags').push(['131052-308T']);

    expect(removeTextEverywhere(doc, '131052-308T')).toBe(5);
    expect(richTextToPlain(table.richText(first!, 'goal')!)).toBe('Asiakas  tarvitsee tukea');
    expect(richTextToPlain(table.richText(second!, 'task')!)).toBe(' ja ');
    const encoded = Buffer.from(Y.encodeStateAsUpdate(doc));
    expect(encoded.includes('131052-308T')).toBe(false);
    expect(encoded.includes('308T')).toBe(false);
  });

  it('finds root types of a doc that has not named them yet', () => {
    const source = new Y.Doc();
    source.getText('plain').insert(0, 'x SECRET y');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
    expect(removeTextEverywhere(doc, 'SECRET')).toBe(1);
    expect(doc.getText('plain').toString()).toBe('x  y');
  });
});
