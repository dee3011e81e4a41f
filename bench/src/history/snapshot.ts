/**
 * Benchmark (not a test): a snapshot of a workshop with a 200-row goal table, an action plan and a
 * service path, on the embedded SQLite store. Target: under 200 ms (issue #9). Prints the median
 * and the slowest of the runs. Run: `npx pnpm@10.34.9 exec node bench/src/history/snapshot.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as Y from 'yjs';
import { ActionPlan, GoalTable, initialDocumentState, ServicePath, setPlainText } from '@yhteispaja/model';
import { takeSnapshot } from '../../../server/src/commands/snapshots.ts';
import { openSqliteStore } from '../../../server/src/storage/sqlite/index.ts';

const runs = Number(process.env.RUNS ?? 15);
const dir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-bench-snapshot-'));
const store = openSqliteStore(dir);
try {
  const { id: organisationId } = await store.organisations.create({ name: 'Hyvinvointialue' });
  const user = await store.users.create({ organisationId, email: 'bench@example.com', name: 'Bench', passwordHash: 'x', organisationRole: 'member' });
  const workshop = await store.workshops.create({ organisationId, title: 'Oma-arviointi', createdBy: user.id });

  const table = new Y.Doc();
  Y.applyUpdate(table, initialDocumentState({ type: 'goal-table', title: 'Tavoitteet', locale: 'fi' }));
  const goals = new GoalTable(table);
  while (goals.rows().length < 200) goals.addRow();
  goals.rows().forEach((row, i) => {
    setPlainText(goals.richText(row.id, 'goal')!, `Tavoite ${i}: yhteinen asiakasnumero hyvinvointialueella`);
    goals.setStatus(row.id, 'status', i % 3 === 0 ? 'done' : 'started');
  });
  const plan = new Y.Doc();
  Y.applyUpdate(plan, initialDocumentState({ type: 'action-plan', title: 'Toimenpiteet', locale: 'fi' }));
  const section = new ActionPlan(plan).sectionIds()[0]!;
  for (let i = 0; i < 30; i++) new ActionPlan(plan).addAction(section, { text: `Toimenpide ${i}`, status: 'ongoing' });
  const journey = new Y.Doc();
  Y.applyUpdate(journey, initialDocumentState({ type: 'service-path', title: 'Palvelupolku', locale: 'fi' }));
  for (const stage of new ServicePath(journey).stageIds()) new ServicePath(journey).addItem(stage, 'painPoints', 'Ei tiedä minne soittaa');
  for (const [type, doc] of [['goal-table', table], ['action-plan', plan], ['service-path', journey]] as const) {
    await store.documents.create({ workshopId: workshop.id, type, title: type, createdBy: user.id, initialState: Y.encodeStateAsUpdate(doc) });
  }

  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await takeSnapshot(store, user, workshop.id, `v${i}`, () => []);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(`snapshot of a 200-row workshop (3 documents), ${runs} runs: median ${median.toFixed(1)} ms, slowest ${times.at(-1)!.toFixed(1)} ms (target < 200 ms)`);
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
