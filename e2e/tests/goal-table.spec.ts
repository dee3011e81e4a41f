import { expect, test } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, expectNoAxeViolations, goalRows, signedInContext } from '../support/pages.ts';

const aino = { email: 'aino@example.com', name: 'Aino Sosiaalityöntekijä', password: 'aino-long-password' };
const bertta = { email: 'bertta@example.com', name: 'Bertta Sairaanhoitaja', password: 'bertta-long-password' };

let server: ProductServer;
let documentId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const api = await Api.signIn(server.origin, admin);
  for (const user of [aino, bertta]) await api.call('POST', '/api/users', user);
  const { id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Paljon tukea -työpaja' });
  for (const user of [aino, bertta]) await api.call('POST', `/api/workshops/${workshopId}/members`, { email: user.email, role: 'participant' });
  ({ id: documentId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet 2026' }));
});

test.afterAll(async () => {
  await server?.dispose();
});

test('two people co-edit a goal table live, and a restart loses nothing', async ({ browser }) => {
  const contextA = await signedInContext(browser, server.origin, aino);
  const contextB = await signedInContext(browser, server.origin, bertta);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await Promise.all([pageA.goto(`/documents/${documentId}`), pageB.goto(`/documents/${documentId}`)]);
  for (const page of [pageA, pageB]) {
    await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
    await expect(goalRows(page)).toHaveCount(3);
  }

  // At the same time: A types into a cell while B sets a status and adds a row.
  const goalText = 'Paljon tukea tarvitsevien palvelut sovitetaan yhteen';
  await cellEditor(pageA, 0, 'goal').click();
  const typing = pageA.keyboard.type(goalText, { delay: 15 });
  await goalRows(pageB).nth(0).getByTestId('cell-status').selectOption({ label: 'Aloitettu' });
  await pageB.getByRole('button', { name: 'Lisää rivi' }).click();
  await typing;

  // Each sees the other's edits and presence.
  await expect(cellEditor(pageB, 0, 'goal')).toHaveText(goalText);
  await expect(goalRows(pageA).nth(0).getByTestId('cell-status')).toHaveValue('started');
  await expect(goalRows(pageA)).toHaveCount(4);
  await expect(pageB.getByTestId('presence')).toContainText(aino.name);
  await expect(pageA.getByTestId('presence')).toContainText(bertta.name);
  for (const page of [pageA, pageB]) await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  await server.restart();

  const contextC = await signedInContext(browser, server.origin, admin);
  const pageC = await contextC.newPage();
  await pageC.goto(`/documents/${documentId}`);
  await expect(goalRows(pageC)).toHaveCount(4);
  await expect(cellEditor(pageC, 0, 'goal')).toHaveText(goalText);
  await expect(goalRows(pageC).nth(0).getByTestId('cell-status')).toHaveValue('started');
  // The open pages reconnect to the restarted server by themselves.
  await expect(pageA.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expectNoAxeViolations(pageC);

  await Promise.all([contextA.close(), contextB.close(), contextC.close()]);
});

test('signs in through the form, creates a workshop and a goal table, and signs out', async ({ browser }) => {
  const context = await browser.newContext({ baseURL: server.origin });
  const page = await context.newPage();
  await page.goto('/');
  await expectNoAxeViolations(page);
  await page.getByLabel('Sähköposti').fill(aino.email);
  await page.getByLabel('Salasana').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Salasana').fill(aino.password);
  await page.getByRole('button', { name: 'Kirjaudu sisään' }).click();

  await page.getByLabel('Työpajan nimi').fill('Kotihoidon kehittämistyöpaja');
  await page.getByRole('button', { name: 'Luo työpaja' }).click();
  await page.getByRole('link', { name: 'Kotihoidon kehittämistyöpaja' }).click();
  await page.getByLabel('Tavoitetaulukon nimi').fill('Kotihoidon tavoitteet');
  await page.getByRole('button', { name: 'Luo tavoitetaulukko' }).click();
  await page.getByRole('link', { name: 'Kotihoidon tavoitteet' }).click();
  await expect(goalRows(page)).toHaveCount(3);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Kirjaudu ulos' }).click();
  await expect(page.getByRole('button', { name: 'Kirjaudu sisään' })).toBeVisible();
  await context.close();
});
