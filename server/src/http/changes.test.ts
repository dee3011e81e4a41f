import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalTable, setPlainText } from '@yhteispaja/model';
import { allStored } from '../testing/acks.ts';
import { memberClient } from '../testing/people.ts';
import { adminCredentials, ApiClient, eventually, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

interface ChangeJson {
  kind: string;
  itemId: string;
  field?: string;
  from?: { value: string; label: { fi: string } } | null;
  to?: { value: string; label: { fi: string } } | null;
  diff?: { op: string; text: string }[];
  by: { userId: string; name: string }[];
}

describe('GET /api/workshops/:id/changes', () => {
  let server: TestServer;
  let admin: ApiClient;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await new ApiClient(server.origin).login(adminCredentials);
  });
  afterAll(() => server.dispose());

  it('lists added, removed and moved rows, status and word-level text changes, each credited to who made it', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Muutokset' });
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' });
    const anna = await memberClient(admin, workshopId, 'Anna', 'participant');
    const ben = await memberClient(admin, workshopId, 'Ben', 'participant');
    const a = connectProvider(server.origin, documentId, anna.cookie, { acks: true });
    const b = connectProvider(server.origin, documentId, ben.cookie, { acks: true });
    const f = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    await Promise.all([a.synced, b.synced, f.synced]);
    const annaTable = new GoalTable(a.doc);
    while (annaTable.rows().length < 4) annaTable.addRow();
    const [r0, r1, r2, r3] = annaTable.rows().map((r) => r.id) as [string, string, string, string];
    setPlainText(annaTable.richText(r0, 'goal')!, 'Palveluohjaus');
    setPlainText(annaTable.richText(r1, 'goal')!, 'Yhteinen asiakasnumero hyvinvointialueella');
    setPlainText(annaTable.richText(r2, 'goal')!, 'Poistuva rivi');
    setPlainText(annaTable.richText(r3, 'goal')!, 'Siirtyvä rivi');
    annaTable.setStatus(r0, 'status', 'not-started');
    await allStored(a);
    await eventually(() => expect(new GoalTable(b.doc).rows().length).toBe(4));
    await eventually(() => expect(new GoalTable(f.doc).rows().length).toBe(4));
    await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Syksy' });

    annaTable.setStatus(r0, 'status', 'done');
    const r4 = annaTable.addRow();
    setPlainText(annaTable.richText(r4, 'goal')!, 'Uusi tavoite');
    await allStored(a);
    const benTable = new GoalTable(b.doc);
    await eventually(() => expect(benTable.rows().length).toBe(5));
    setPlainText(benTable.richText(r1, 'goal')!, 'Yhteinen asiakasnumero käytössä hyvinvointialueella');
    benTable.removeRow(r2);
    await allStored(b);
    const facilitatorTable = new GoalTable(f.doc);
    await eventually(() => expect(facilitatorTable.rows().length).toBe(4));
    facilitatorTable.moveRow(r3, 0);
    await allStored(f);
    // Deletions are recorded shortly after they are applied.
    await eventually(async () => expect((await server.store.attribution.deletions(documentId)).some((d) => d.userId === ben.userId)).toBe(true));
    await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Kevät' });

    const changes = await anna.json('GET', `/api/workshops/${workshopId}/changes?from=1&to=2`);
    expect(await anna.json('GET', `/api/workshops/${workshopId}/changes?to=2`)).toEqual(changes);
    expect(changes).toMatchObject({ from: 1, to: 2 });
    const document = changes.documents.find((d: { documentId: string }) => d.documentId === documentId);
    expect(document.status).toBe('changed');
    const list = document.changes as ChangeJson[];
    const find = (kind: string, itemId: string) => list.find((c) => c.kind === kind && c.itemId === itemId);
    const names = (change: ChangeJson | undefined) => change?.by.map((author) => author.name);

    const status = find('status-changed', r0);
    expect(status).toMatchObject({ field: 'status', from: { value: 'not-started', label: { fi: 'Ei aloitettu' } }, to: { value: 'done', label: { fi: 'Toteutunut' } } });
    expect(names(status)).toEqual(['Anna']);
    const text = find('text-changed', r1);
    expect(text?.diff).toEqual([
      { op: 'equal', text: 'Yhteinen asiakasnumero ' },
      { op: 'insert', text: 'käytössä ' },
      { op: 'equal', text: 'hyvinvointialueella' },
    ]);
    expect(names(text)).toEqual(['Ben']);
    expect(names(find('item-removed', r2))).toEqual(['Ben']);
    expect(names(find('item-added', r4))).toEqual(['Anna']);
    expect(names(find('item-moved', r3))).toContain((await admin.json('GET', '/api/me')).user.name);
    expect(list.filter((c) => c.kind === 'item-moved').map((c) => c.itemId)).toEqual([r3]);

    const first = await anna.json('GET', `/api/workshops/${workshopId}/changes?to=1`);
    expect(first.from).toBeNull();
    expect(first.documents[0].status).toBe('added');
    for (const bad of ['from=2&to=1', 'to=9', 'from=0&to=2', 'to=abc']) {
      const response = await anna.request('GET', `/api/workshops/${workshopId}/changes?${bad}`);
      expect([400, 422]).toContain(response.status);
    }
    a.destroy();
    b.destroy();
    f.destroy();
  });
});
