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

describe('purge against hostile documents', () => {
  it('warns about and purges a code with a soft hyphen or zero-width space inside', () => {
    const hidden = '131052\u00AD-308\u200BT';
    expect(findPersonalData(`Asiakas ${hidden} kotiutuu`)).toEqual([{ kind: 'personal-identity-code', text: hidden, index: 8 }]);
    const doc = new Y.Doc();
    doc.getText('t').insert(0, `a ${hidden} b 131052-308T c`);
    doc.getMap('m').set('v', `x ${hidden}`);
    expect(removeTextEverywhere(doc, '131052-308T')).toBe(3);
    expect(doc.getText('t').toString()).toBe('a  b  c');
    expect(doc.getMap('m').get('v')).toBe('x ');
    expect(Buffer.from(Y.encodeStateAsUpdate(doc)).includes('308')).toBe(false);
  });

  it('purges a code used as a map key, from the encoded state too, and inside JSON values', () => {
    const doc = new Y.Doc();
    const people = doc.getMap('people');
    people.set('131052-308T', 'kotihoito');
    people.set('other', 'keep');
    doc.getArray('rows').push([{ note: 'hetu 131052-308T', ['131052-308T']: 1 }]);
    expect(removeTextEverywhere(doc, '131052-308T')).toBe(3);
    expect([...people.keys()]).toEqual(['other']);
    expect(doc.getArray('rows').get(0)).toEqual({ note: 'hetu ', '': 1 });
    const encoded = Buffer.from(Y.encodeStateAsUpdate(doc));
    expect(encoded.includes('131052-308T')).toBe(false);
    // A peer that loads the purged state sees the same document.
    const peer = new Y.Doc();
    Y.applyUpdate(peer, encoded);
    expect(peer.getMap('people').toJSON()).toEqual({ other: 'keep' });
  });

  it('walks 30,000 levels of nested maps without overflowing the stack', () => {
    const doc = new Y.Doc();
    let map = doc.getMap('deep');
    doc.transact(() => {
      for (let level = 0; level < 30_000; level++) {
        const child = new Y.Map();
        map.set('k', child);
        map = child;
      }
      map.set('v', 'Asiakas 131052-308T');
    });
    expect(removeTextEverywhere(doc, '131052-308T')).toBe(1);
    expect(map.get('v')).toBe('Asiakas ');
  });

  it('removes 40,000 matches from one text in one transaction', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'Asiakas 131052-308T kotiutuu. '.repeat(40_000));
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    expect(removeTextEverywhere(doc, '131052-308T')).toBe(40_000);
    expect(updates).toHaveLength(1);
    expect(doc.getText('t').toString()).toBe('Asiakas  kotiutuu. '.repeat(40_000));
  });
});
