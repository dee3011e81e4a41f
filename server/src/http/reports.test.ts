import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GoalTable, setPlainText } from '@yhteispaja/model';
import { allStored } from '../testing/acks.ts';
import { memberClient } from '../testing/people.ts';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';
import { connectProvider } from '../testing/sync-client.ts';

describe('GET /api/snapshots/:id/report', () => {
  let server: TestServer;
  let admin: ApiClient;
  let workshopId: string;
  let snapshotId: string;
  let maijaId: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = await new ApiClient(server.origin).login(adminCredentials);
    ({ id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Oma-arviointi Keski-Suomi' }));
    const { id: documentId } = await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet', template: 'self-evaluation' });
    await admin.json('POST', `/api/workshops/${workshopId}/documents`, { type: 'action-plan', title: 'Toimenpiteet' });
    const client = connectProvider(server.origin, documentId, admin.cookie, { acks: true });
    await client.synced;
    const table = new GoalTable(client.doc);
    const row = table.rows().find((r) => r.kind === 'item')!.id;
    setPlainText(table.richText(row, table.columns().find((c) => c.kind === 'rich-text')!.id)!, 'Yhteinen asiakasnumero; =HYPERLINK("x") <script>');
    await allStored(client);
    client.destroy();
    await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Syksy 2021' });
    const maija = await memberClient(admin, workshopId, 'Maija Meikäläinen', 'participant');
    const editor = connectProvider(server.origin, documentId, maija.cookie, { acks: true });
    await editor.synced;
    const edited = new GoalTable(editor.doc);
    setPlainText(edited.richText(row, edited.columns().find((c) => c.kind === 'rich-text')!.id)!, 'Yhteinen asiakasnumero käytössä');
    await allStored(editor);
    editor.destroy();
    maijaId = maija.userId;
    ({ id: snapshotId } = await admin.json('POST', `/api/workshops/${workshopId}/snapshots`, { label: 'Kevät 2022' }));
  });
  afterAll(() => server.dispose());

  it('downloads the same bytes every time, with a file name and content type per format', async () => {
    for (const [format, type] of [['html', 'text/html'], ['md', 'text/markdown'], ['csv', 'text/csv'], ['xlsx', 'spreadsheetml'], ['docx', 'wordprocessingml'], ['odt', 'opendocument.text'], ['pdf', 'application/pdf']] as const) {
      const first = await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=${format}&locale=sv`);
      expect(first.status).toBe(200);
      expect(first.headers.get('content-type')).toContain(type);
      expect(first.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="[^"]+\\.${format}"`));
      const again = await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=${format}&locale=sv`);
      expect(Buffer.from(await again.arrayBuffer()).equals(Buffer.from(await first.arrayBuffer()))).toBe(true);
    }
    const html = await (await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=html`)).text();
    expect(html).toContain('Yhteinen asiakasnumero');
    expect(html).not.toContain('<script>');
  });

  it('names the people behind each change as the snapshot recorded them, whatever they are called later', async () => {
    const before = Buffer.from(await (await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=md`)).arrayBuffer());
    expect(before.toString('utf8')).toContain('Maija Meikäläinen');
    const db = new DatabaseSync(path.join(server.dataDir, 'yhteispaja.sqlite'));
    db.prepare('UPDATE users SET name = ? WHERE id = ?').run('Maija Uusinimi', maijaId);
    db.close();
    const after = Buffer.from(await (await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=md`)).arrayBuffer());
    expect(after.equals(before)).toBe(true);
  });

  it('refuses bad parameters with 400 and hides the report from non-members', async () => {
    expect((await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=exe`)).status).toBe(400);
    expect((await admin.request('GET', `/api/snapshots/${snapshotId}/report`)).status).toBe(400);
    expect((await admin.request('GET', `/api/snapshots/${snapshotId}/report?format=md&locale=de`)).status).toBe(400);
    const observer = await memberClient(admin, workshopId, 'Olli', 'observer');
    expect((await observer.request('GET', `/api/snapshots/${snapshotId}/report?format=md`)).status).toBe(200);
    const { id: other } = await admin.json('POST', '/api/workshops', { title: 'Muu' });
    const stranger = await memberClient(admin, other, 'Vieras', 'facilitator');
    expect((await stranger.request('GET', `/api/snapshots/${snapshotId}/report?format=md`)).status).toBe(404);
  });
});
