import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import type { Store } from '../ports.ts';
import { openThrowawayPostgres, testDatabaseUrl } from '../../testing/postgres.ts';

describe('postgres update log under concurrency', () => {
  let store: Store;
  let schema: string;
  let cleanup: () => Promise<void>;
  let documentId: string;

  beforeEach(async () => {
    ({ store, schema, cleanup } = await openThrowawayPostgres());
    const { id: organisationId } = await store.organisations.create({ name: 'O' });
    const user = await store.users.create({ organisationId, email: 'o@example.com', name: 'O', passwordHash: 'x', organisationRole: 'member' });
    const workshop = await store.workshops.create({ organisationId, title: 'W', createdBy: user.id });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'base');
    ({ id: documentId } = await store.documents.create({
      workshopId: workshop.id, type: 'goal-table', title: 'T', createdBy: user.id, initialState: Y.encodeStateAsUpdate(doc),
    }));
  });
  afterEach(() => cleanup());

  it('keeps an update that takes a lower sequence number but commits after a compaction', async () => {
    const base = new Y.Doc();
    Y.applyUpdate(base, (await store.updates.load(documentId)).updates[0]!);
    const late = new Y.Doc();
    Y.applyUpdate(late, Y.encodeStateAsUpdate(base));
    late.getText('t').insert(4, ' late');
    const lateUpdate = Y.encodeStateAsUpdate(late, Y.encodeStateVector(base));

    // Another instance inserts (taking a sequence number) but has not committed yet …
    const other = new pg.Client({ connectionString: testDatabaseUrl, options: `-c search_path=${schema}` });
    await other.connect();
    await other.query('BEGIN');
    await other.query('INSERT INTO document_updates (document_id, data) VALUES ($1, $2)', [documentId, Buffer.from(lateUpdate)]);
    // … while this one appends a later update and compacts.
    const early = new Y.Doc();
    Y.applyUpdate(early, Y.encodeStateAsUpdate(base));
    early.getText('t').insert(0, 'early ');
    await store.updates.append(documentId, Y.encodeStateAsUpdate(early, Y.encodeStateVector(base)));
    expect(await store.updates.compact(documentId, Y.mergeUpdates)).toBe(2);
    await other.query('COMMIT');
    await other.end();

    const loaded = await store.updates.load(documentId);
    const rebuilt = new Y.Doc();
    Y.applyUpdate(rebuilt, loaded.state!);
    for (const update of loaded.updates) Y.applyUpdate(rebuilt, update);
    expect(rebuilt.getText('t').toString()).toBe('early base late');
  });
});
