import * as Y from 'yjs';
import { actionPlanGoalTable, GoalTable, setPlainText } from '@yhteispaja/model';
import type { Logger } from '../logger.ts';
import type { Store, User } from '../storage/ports.ts';

/** Rows of the Kainuu goal table in the 2016 "Paljon tukea" action plan (shared/domain). */
const kainuuRows: { goal: string; task: string; status: string; schedule: string; responsible: string }[] = [
  { goal: '1. Lisätä asiakkaiden osallisuutta', task: 'Ohjaus-, projekti- ja koordinaatioryhmä paikallisen kehittämistyön tueksi', status: 'started', schedule: 'syksy 2015 – koko hankkeen ajan', responsible: '' },
  { goal: '2. Moniammatillinen hoidon tarpeen arviointi', task: 'Osaamisen kehittäminen', status: 'started', schedule: 'syksy 2015, koko hankkeen ajan', responsible: '' },
  { goal: 'Terveys- ja hoitosuunnitelma', task: 'Alueellinen koulutus', status: 'partly-done', schedule: 'syksy 2015 –', responsible: '' },
  { goal: 'Omasote', task: 'Omahoitopisteen käyttökoulutus', status: 'not-started', schedule: 'syksy 2016', responsible: 'atk, kth' },
  { goal: '3. Proaktiivinen toiminta', task: 'Käytännön juurruttaminen työyhteisöissä ja toiminnassa; seminaarit', status: 'not-started', schedule: 'syksy 2016', responsible: '' },
];

/** DEMO=1 on first start: a workshop with a goal table filled from a real action plan. */
export async function createDemo(store: Store, owner: User, logger: Logger): Promise<void> {
  const workshop = await store.workshops.create({ organisationId: owner.organisationId, title: 'Demo: Paljon tukea tarvitsevat', createdBy: owner.id });
  const doc = new Y.Doc();
  const table = GoalTable.create(doc, { title: 'Kainuun tavoitteet 2016', columns: actionPlanGoalTable.columns('fi') });
  for (const row of kainuuRows) {
    const id = table.addRow();
    for (const column of ['goal', 'task', 'schedule', 'responsible'] as const) setPlainText(table.richText(id, column)!, row[column]);
    table.setStatus(id, 'status', row.status);
  }
  await store.documents.create({
    workshopId: workshop.id,
    type: 'goal-table',
    title: 'Kainuun tavoitteet 2016',
    createdBy: owner.id,
    initialState: Y.encodeStateAsUpdate(doc),
  });
  doc.destroy();
  logger.info({ workshopId: workshop.id }, 'created the demo workshop');
}
