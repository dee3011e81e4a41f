import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson, GoalTable, materialiseDocument, setPlainText } from '@yhteispaja/model';
import { adminCredentials, ApiClient, startTestServer, type TestServer } from '../testing/server.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await new ApiClient(server.origin).login(adminCredentials);
});
afterAll(() => server.dispose());

const password = 'long-enough-pw';

/** A goal table with two measures' rows; `statuses` sets the status column per row. */
function goalTableState(statuses: (string | undefined)[]): { state: Uint8Array; rowIds: string[] } {
  const doc = new Y.Doc();
  const table = GoalTable.create(doc, {
    title: 'Tavoitteet',
    columns: [
      { id: 'goal', kind: 'rich-text', title: 'Tavoite' },
      { id: 'state', kind: 'status', title: 'Tila', scale: 'four-state' },
    ],
    rows: statuses.length,
  });
  const rowIds = table.rows().map((r) => r.id);
  rowIds.forEach((rowId, i) => {
    setPlainText(table.richText(rowId, 'goal')!, `Tavoite ${i + 1}`);
    table.setStatus(rowId, 'state', statuses[i]);
  });
  return { state: Y.encodeStateAsUpdate(doc), rowIds };
}

/** Store a snapshot directly: these views only read what the snapshot store holds (its materialised JSON). */
async function snapshot(workshopId: string, documentId: string, version: string, state: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const content = canonicalJson(materialiseDocument(doc));
  return server.store.snapshots.create(
    {
      workshopId,
      label: version,
      createdAt: Date.now(),
      createdBy: 'system',
      createdByName: 'system',
      participants: [],
      documents: [{ documentId, position: 0, type: 'goal-table', title: 'Tavoitteet', state, content }],
    },
    () => 'f'.repeat(64),
  );
}

/** Re-state one row's status in a copy of `state`, keeping the row ids. */
function withStatus(state: Uint8Array, rowId: string, status: string): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  new GoalTable(doc).setStatus(rowId, 'state', status);
  return Y.encodeStateAsUpdate(doc);
}

describe('progress matrix and organisation dashboard', () => {
  it('shows each row at every snapshot and counts the moves since the previous one', async () => {
    const me = await admin.json('GET', '/api/me');
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Työpaja' });
    const documentId = randomUUID();
    const first = goalTableState(['started', 'done', undefined]);
    await snapshot(workshopId, documentId, 'Syksy', first.state);
    const second = withStatus(withStatus(first.state, first.rowIds[0]!, 'done'), first.rowIds[1]!, 'partly-done');
    await snapshot(workshopId, documentId, 'Kevät', second);

    const progress = await admin.json('GET', `/api/workshops/${workshopId}/progress`);
    expect(progress.versions.map((v: { version: number; label: string }) => [v.version, v.label])).toEqual([
      [1, 'Syksy'],
      [2, 'Kevät'],
    ]);
    expect(progress.matrices).toHaveLength(1);
    expect(progress.matrices[0].rows.map((r: { label: string; values: unknown[] }) => [r.label, r.values])).toEqual([
      ['Tavoite 1', ['started', 'done']],
      ['Tavoite 2', ['done', 'partly-done']],
      ['Tavoite 3', [null, null]],
    ]);

    const dashboard = await admin.json('GET', `/api/organisations/${me.user.organisationId}/dashboard`);
    const workshop = dashboard.workshops.find((w: { id: string }) => w.id === workshopId);
    expect(workshop.latest.version).toBe(2);
    expect(workshop.previous.version).toBe(1);
    expect(workshop.measures[0]).toMatchObject({
      columnTitle: 'Tila',
      counts: [
        { key: 'not-started', count: 0 },
        { key: 'started', count: 0 },
        { key: 'partly-done', count: 1 },
        { key: 'done', count: 1 },
      ],
      unset: 1,
      movedUp: 1,
      movedDown: 1,
    });
  });

  it('skips stored content that is not a goal table, and answers for a workshop without snapshots', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Tyhjä' });
    expect(await admin.json('GET', `/api/workshops/${workshopId}/progress`)).toEqual({ versions: [], matrices: [] });
    await server.store.snapshots.create(
      {
        workshopId,
        label: 'Rikki',
        createdAt: Date.now(),
        createdBy: 'system',
        createdByName: 'system',
        participants: [],
        documents: [{ documentId: randomUUID(), position: 0, type: 'goal-table', title: 'X', state: new Uint8Array([0, 0]), content: '{not json' }],
      },
      () => 'f'.repeat(64),
    );
    const progress = await admin.json('GET', `/api/workshops/${workshopId}/progress`);
    expect(progress.versions).toHaveLength(1);
    expect(progress.matrices).toEqual([]);
  });

  it('shows nothing of workshops or organisations the caller may not read', async () => {
    const { id: workshopId } = await admin.json('POST', '/api/workshops', { title: 'Salainen' });
    const { id: orgId } = await admin.json('POST', '/api/organisations', { name: 'Muu' });
    await admin.json('POST', '/api/users', { email: 'outsider@muu.example', name: 'Outsider', password, organisationId: orgId });
    const outsider = await new ApiClient(server.origin).login({ email: 'outsider@muu.example', password });
    expect((await outsider.request('GET', `/api/workshops/${workshopId}/progress`)).status).toBe(404);
    const me = await admin.json('GET', '/api/me');
    expect((await outsider.request('GET', `/api/organisations/${me.user.organisationId}/dashboard`)).status).toBe(404);
    expect((await outsider.json('GET', `/api/organisations/${orgId}/dashboard`)).workshops).toEqual([]);
    expect((await outsider.request('GET', '/api/workshops/not-an-id/progress')).status).toBe(404);
    expect((await new ApiClient(server.origin).request('GET', `/api/workshops/${workshopId}/progress`)).status).toBe(401);
  });
});
