import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { restoreTo } from './restore.ts';

const content = (doc: Y.Doc) => ({
  rows: doc.getMap('rows').toJSON(),
  text: doc.getText('text').toString(),
  list: doc.getArray('list').toJSON(),
  rich: doc.getXmlFragment('rich').toString(),
});

describe('restoreTo', () => {
  it('brings back the earlier content as a new change, without rewriting history', () => {
    const doc = new Y.Doc();
    const rows = doc.getMap<Y.Map<unknown>>('rows');
    const row = new Y.Map<unknown>();
    rows.set('r1', row);
    row.set('status', 'started');
    doc.getText('text').insert(0, 'Yhteinen asiakasnumero');
    doc.getArray<string>('list').push(['a', 'b']);
    const paragraph = new Y.XmlElement('paragraph');
    doc.getXmlFragment('rich').insert(0, [paragraph]);
    paragraph.insert(0, [new Y.XmlText('Hyvinvointialue')]);
    const target = Y.encodeStateAsUpdate(doc);
    const expected = content(doc);

    row.set('status', 'done');
    rows.set('r2', new Y.Map());
    rows.get('r2')!.set('status', 'not-started');
    doc.getText('text').delete(0, 9);
    doc.getText('text').insert(0, 'Uusi ');
    doc.getArray<string>('list').delete(0, 1);
    doc.getXmlFragment('rich').delete(0, 1);
    doc.getMap('added-later').set('x', 1);
    const before = Y.encodeStateVector(doc);

    // Another client, live, receives only the restore's update and converges.
    const live = new Y.Doc();
    Y.applyUpdate(live, Y.encodeStateAsUpdate(doc));
    const change = new Y.Doc();
    Y.applyUpdate(change, Y.encodeStateAsUpdate(doc));
    restoreTo(change, target);
    const update = Y.encodeStateAsUpdate(change, before);
    Y.applyUpdate(live, update);

    expect(content(live)).toEqual(expected);
    expect(live.getMap('added-later').toJSON()).toEqual({});
    // History is kept: the later state is still contained in the restored one.
    expect(Y.snapshotContainsUpdate(Y.snapshot(live), Y.encodeStateAsUpdate(doc))).toBe(true);
  });
});
