import { expect, test, type Browser, type Page } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import {
  cellEditor,
  goalRows,
  localCopyCommitted,
  localCopyContains,
  localCopyNames,
  localCopyPrefix,
  signedInContext,
  tableSnapshot,
} from '../support/pages.ts';

const aino = { email: 'aino@example.com', name: 'Aino Sosiaalityöntekijä', password: 'aino-long-password' };
const bertta = { email: 'bertta@example.com', name: 'Bertta Sairaanhoitaja', password: 'bertta-long-password' };

const offlineClean = 'Ei yhteyttä — ei tallentamattomia muutoksia';
const offlineUnsaved = 'Ei yhteyttä — muutoksia ei ole vielä tallennettu';

let server: ProductServer;
let api: Api;
let workshopId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  api = await Api.signIn(server.origin, admin);
  for (const user of [aino, bertta]) await api.call('POST', '/api/users', user);
  ({ id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Verkkokatkotyöpaja' }));
  for (const user of [aino, bertta]) await api.call('POST', `/api/workshops/${workshopId}/members`, { email: user.email, role: 'participant' });
});

test.afterAll(async () => {
  await server?.dispose();
});

/** Each test edits a goal table of its own (three empty rows from the template). */
async function newGoalTable(title: string): Promise<string> {
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title });
  return id;
}

async function openTable(page: Page, documentId: string): Promise<void> {
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(goalRows(page)).toHaveCount(3);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
}

/** A fresh context (no local copies) sees exactly `expected`: what the server has. */
async function expectServerHas(browser: Browser, documentId: string, expected: Awaited<ReturnType<typeof tableSnapshot>>) {
  const context = await signedInContext(browser, server.origin, admin);
  const page = await context.newPage();
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect.poll(() => tableSnapshot(page)).toEqual(expected);
  await context.close();
}

test('edits made offline merge on reconnect with edits made meanwhile: nothing lost, nothing doubled', async ({ browser }) => {
  const documentId = await newGoalTable('Tavoitteet ilman verkkoa');
  const contextA = await signedInContext(browser, server.origin, aino);
  const contextB = await signedInContext(browser, server.origin, bertta);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await Promise.all([openTable(pageA, documentId), openTable(pageB, documentId)]);
  await expect(pageB.getByTestId('presence')).toContainText(aino.name);

  // A's network goes: the app notices and drops its connection.
  await contextA.setOffline(true);
  await expect(pageA.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(pageA.getByTestId('save-state')).toHaveAttribute('data-state', 'offline');
  await expect(pageA.getByTestId('save-state')).toHaveText(offlineClean);

  // Offline, A types into a cell and adds a row with text of its own.
  const goalA = 'Asiakas saa tuen yhdeltä nimetyltä työntekijältä';
  const taskA = 'Palveluohjaaja nimetään ensikäynnillä';
  await cellEditor(pageA, 0, 'goal').click();
  await pageA.keyboard.type(goalA);
  await pageA.getByRole('button', { name: 'Lisää rivi' }).click();
  await expect(goalRows(pageA)).toHaveCount(4);
  await cellEditor(pageA, 3, 'task').click();
  await pageA.keyboard.type(taskA);
  await expect(pageA.getByTestId('save-state')).toHaveAttribute('data-state', 'offline');
  await expect(pageA.getByTestId('save-state')).toHaveText(offlineUnsaved);

  // Meanwhile B, online, edits another cell and sets a status in the row A is editing.
  const goalB = 'Kotihoito ja sosiaalityö sopivat yhteiset kotikäynnit';
  await cellEditor(pageB, 1, 'goal').click();
  await pageB.keyboard.type(goalB);
  await goalRows(pageB).nth(0).getByTestId('cell-status').selectOption({ label: 'Toteutunut' });
  await expect(pageB.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  // Neither has the other's edits yet, and A still says its edits are not saved.
  await expect(goalRows(pageB)).toHaveCount(3);
  await expect(cellEditor(pageB, 0, 'goal')).toHaveText('');
  await expect(cellEditor(pageA, 1, 'goal')).toHaveText('');
  await expect(goalRows(pageA).nth(0).getByTestId('cell-status')).toHaveValue('');
  await expect(pageA.getByTestId('save-state')).toHaveText(offlineUnsaved);

  // The network comes back: A reconnects, its edits are stored, and both converge.
  await contextA.setOffline(false);
  await expect(pageA.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(pageA.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  for (const page of [pageA, pageB]) {
    await expect(goalRows(page)).toHaveCount(4);
    await expect(cellEditor(page, 0, 'goal')).toHaveText(goalA);
    await expect(cellEditor(page, 1, 'goal')).toHaveText(goalB);
    await expect(cellEditor(page, 3, 'task')).toHaveText(taskA);
    await expect(goalRows(page).nth(0).getByTestId('cell-status')).toHaveValue('done');
  }
  const converged = await tableSnapshot(pageA);
  await expect.poll(() => tableSnapshot(pageB)).toEqual(converged);
  expect(new Set(converged.map((row) => row.id)).size).toBe(4);
  expect(converged.map((row) => row.texts.join('|'))).toEqual([
    `${goalA}|||`,
    `${goalB}|||`,
    '|||',
    `|${taskA}||`,
  ]);
  expect(converged.map((row) => row.statuses)).toEqual([['done'], [''], [''], ['']]);
  await expect(pageB.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // Someone who opens the table only now sees the same.
  await expectServerHas(browser, documentId, converged);
  await Promise.all([contextA.close(), contextB.close()]);
});

test('an edit made offline survives closing the page: the next page load shows it from the local copy and saves it', async ({ browser }) => {
  const documentId = await newGoalTable('Tavoitteet talteen');
  const contextA = await signedInContext(browser, server.origin, aino);
  const pageA = await contextA.newPage();
  await openTable(pageA, documentId);

  await contextA.setOffline(true);
  await expect(pageA.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  const task = 'Omaishoitajalle järjestetään vapaapäivät';
  await cellEditor(pageA, 0, 'task').click();
  await pageA.keyboard.type(task);
  await expect(pageA.getByTestId('save-state')).toHaveText(offlineUnsaved);
  // Whatever the page wrote into its local copy is committed before the page goes away.
  expect(await localCopyCommitted(pageA, documentId)).toBeGreaterThan(0);
  await pageA.close();

  // The server never received the edit: a fresh reader sees the cell empty.
  const contextC = await signedInContext(browser, server.origin, bertta);
  const pageC = await contextC.newPage();
  await openTable(pageC, documentId);
  await expect(cellEditor(pageC, 0, 'task')).toHaveText('');

  // The network is back, but the next page's sync socket is held off at first (the page itself
  // needs the server to load): what it shows can only come from the local copy.
  await contextA.setOffline(false);
  const pageA2 = await contextA.newPage();
  let syncAllowed = false;
  await pageA2.routeWebSocket(/\/sync\//, (ws) => {
    if (syncAllowed) ws.connectToServer();
    else void ws.close({ code: 1013, reason: 'held off by the test' });
  });
  await pageA2.goto(`/documents/${documentId}`);
  await expect(cellEditor(pageA2, 0, 'task')).toHaveText(task);
  await expect(pageA2.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(pageA2.getByTestId('save-state')).toHaveText(offlineUnsaved);

  // Once the sync connects, the edit goes to the server, once, and is acknowledged.
  syncAllowed = true;
  await expect(pageA2.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(pageA2.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(cellEditor(pageC, 0, 'task')).toHaveText(task);
  await expect(cellEditor(pageA2, 0, 'task')).toHaveText(task);
  await expect(goalRows(pageA2)).toHaveCount(3);
  await expectServerHas(browser, documentId, await tableSnapshot(pageA2));

  // Content the server has acknowledged is not "unsaved" when a later page reads it back from
  // the local copy: with the sync held off again, the page says there is nothing to save.
  await localCopyCommitted(pageA2, documentId);
  await pageA2.close();
  const pageA3 = await contextA.newPage();
  await pageA3.routeWebSocket(/\/sync\//, (ws) => void ws.close({ code: 1013, reason: 'held off by the test' }));
  await pageA3.goto(`/documents/${documentId}`);
  await expect(cellEditor(pageA3, 0, 'task')).toHaveText(task);
  await expect(pageA3.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  await expect(pageA3.getByTestId('save-state')).toHaveText(offlineClean);
  await Promise.all([contextA.close(), contextC.close()]);
});

test('signing out warns while offline edits are unsaved, and afterwards removes the local copies', async ({ browser }) => {
  const documentId = await newGoalTable('Tavoitteet yhteiskoneella');
  const context = await signedInContext(browser, server.origin, aino);
  const page = await context.newPage();
  await openTable(page, documentId);
  await expect.poll(() => localCopyNames(page)).toEqual([expect.stringMatching(new RegExp(`^${localCopyPrefix}${documentId}:`))]);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await context.setOffline(true);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'offline');
  const goal = 'Kotiutus suunnitellaan yhdessä';
  await cellEditor(page, 0, 'goal').click();
  await page.keyboard.type(goal);
  await expect(page.getByTestId('save-state')).toHaveText(offlineUnsaved);

  // Signing out now would delete the only copy of the edit: the app asks, and "cancel" keeps it.
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await expect.poll(() => dialogs).toEqual([expect.stringContaining('ei ole vielä tallennettu palvelimelle')]);
  await expect(page.getByRole('button', { name: 'Kirjaudu ulos' })).toBeVisible();
  await expect(cellEditor(page, 0, 'goal')).toHaveText(goal);
  expect(await localCopyNames(page)).toHaveLength(1);

  // Back online the edit is saved; signing out then goes ahead without asking and clears the copies.
  await context.setOffline(false);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await expect(page.getByRole('button', { name: 'Kirjaudu sisään' })).toBeVisible();
  await expect.poll(() => localCopyNames(page)).toEqual([]);
  expect(dialogs).toHaveLength(1);
  await context.close();

  const reader = await signedInContext(browser, server.origin, bertta);
  const readerPage = await reader.newPage();
  await openTable(readerPage, documentId);
  await expect(cellEditor(readerPage, 0, 'goal')).toHaveText(goal);
  await reader.close();
});

test('text a facilitator purges from a document also leaves the local copy of a browser that had it', async ({ browser }) => {
  const documentId = await newGoalTable('Tavoitteet ja henkilötiedot');
  const context = await signedInContext(browser, server.origin, aino);
  const page = await context.newPage();
  await openTable(page, documentId);
  const personal = 'Matti Meikäläinen, Kotikatu 5';
  await cellEditor(page, 0, 'goal').click();
  await page.keyboard.insertText(personal);
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(() => localCopyContains(page, documentId, personal)).toBe(true);

  // The workshop's facilitator purges the text: it goes from the page and, soon after, from the copy.
  expect(await api.call('POST', `/api/documents/${documentId}/purge`, { text: personal })).toEqual({ removed: 1 });
  await expect(cellEditor(page, 0, 'goal')).toHaveText('');
  await expect.poll(() => localCopyContains(page, documentId, personal)).toBe(false);
  await expect(goalRows(page)).toHaveCount(3);
  await context.close();
});
