import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { authorsBetween, deletionLookup } from './authorship.ts';

/** Two people edit one shared document; each change is sent as the update it makes. */
function session() {
  const shared = new Y.Doc();
  const owners = new Map<number, string>();
  const deletions: { clientId: number; clock: number; length: number; userId: string }[] = [];
  function as(user: string, edit: (doc: Y.Doc) => void) {
    const local = new Y.Doc();
    Y.applyUpdate(local, Y.encodeStateAsUpdate(shared));
    owners.set(local.clientID, user);
    local.on('afterTransaction', (tr: Y.Transaction) => {
      for (const [clientId, items] of tr.deleteSet.clients) for (const d of items) deletions.push({ clientId, clock: d.clock, length: d.len, userId: user });
    });
    local.transact(() => edit(local));
    Y.applyUpdate(shared, Y.encodeStateAsUpdate(local, Y.encodeStateVector(shared)));
  }
  const lookup = { ownerOf: (id: number) => owners.get(id), deleterOf: (id: number, clock: number) => deletionLookup(deletions)(id, clock) };
  return { shared, as, lookup, state: () => Y.encodeStateAsUpdate(shared) };
}

describe('authorsBetween', () => {
  it('credits insertions, overwrites and deletions to the users who made them, per item and field', () => {
    const s = session();
    s.as('anna', (doc) => {
      const rows = doc.getMap<Y.Map<unknown>>('rows');
      for (const id of ['r1', 'r2']) {
        const row = new Y.Map<unknown>();
        rows.set(id, row);
        const cells = new Y.Map<unknown>();
        row.set('cells', cells);
        cells.set('status', 'not-started');
        const text = new Y.Text('Yhteinen asiakasnumero');
        cells.set('goal', text);
      }
    });
    const v1 = s.state();
    s.as('ben', (doc) => {
      const row = doc.getMap<Y.Map<unknown>>('rows').get('r1')!;
      (row.get('cells') as Y.Map<unknown>).set('status', 'done');
    });
    s.as('cid', (doc) => {
      const text = (doc.getMap<Y.Map<unknown>>('rows').get('r1')!.get('cells') as Y.Map<unknown>).get('goal') as Y.Text;
      text.delete(0, 9);
    });
    s.as('dan', (doc) => doc.getMap('rows').delete('r2'));
    const authors = authorsBetween(v1, s.state(), s.lookup);
    expect(authors.ofField('r1', 'status')).toEqual(['ben']);
    expect(authors.ofField('r1', 'goal')).toEqual(['cid']);
    expect(authors.ofItem('r1')).toEqual(['ben', 'cid']);
    expect(authors.ofItem('r2')).toEqual(['dan']);
    expect(authors.all()).toEqual(['ben', 'cid', 'dan']);
    expect(authorsBetween(null, v1, s.lookup).all()).toEqual(['anna']);
  });

  it('walks a deeply nested document without running out of stack', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let map = doc.getMap<unknown>('deep');
      for (let i = 0; i < 5000; i++) {
        const child = new Y.Map<unknown>();
        map.set('k', child);
        map = child;
      }
    });
    const authors = authorsBetween(null, Y.encodeStateAsUpdate(doc), { ownerOf: () => 'x', deleterOf: () => undefined });
    expect(authors.all()).toEqual(['x']);
  });
});
