import { expect, test } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, expectNoAxeViolations, goalRows, signedInContext } from '../support/pages.ts';

const fasilitaattori = { email: 'fasilitaattori@example.com', name: 'Fanni Fasilitaattori', password: 'fanni-long-password' };
const osallistuja = { email: 'osallistuja@example.com', name: 'Olli Osallistuja', password: 'olli-long-password' };

let server: ProductServer;
let workshopId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const api = await Api.signIn(server.origin, admin);
  for (const user of [fasilitaattori, osallistuja]) await api.call('POST', '/api/users', user);
  ({ id: workshopId } = await api.call('POST', `/api/workshops`, { title: 'Asiakirjatyöpaja' }));
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: fasilitaattori.email, role: 'facilitator' });
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: osallistuja.email, role: 'participant' });
});

test.afterAll(async () => {
  await server?.dispose();
});

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

test('a facilitator imports a CSV into a goal table: rows appear for others; a bad file names the row and column', async ({ browser }) => {
  const api = await Api.signIn(server.origin, fasilitaattori);
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tuodut tavoitteet' });
  const contextA = await signedInContext(browser, server.origin, fasilitaattori);
  const contextB = await signedInContext(browser, server.origin, osallistuja);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await Promise.all([pageA.goto(`/documents/${id}`), pageB.goto(`/documents/${id}`)]);
  for (const page of [pageA, pageB]) await expect(goalRows(page)).toHaveCount(3);
  await expect(pageB.getByRole('button', { name: 'Tuo' })).toHaveCount(0);

  await pageA
    .getByLabel('Tiedosto (CSV, XLSX tai Markdown)')
    .setInputFiles(csvFile('tavoitteet.csv', 'Tavoite;Kehittämistehtävä;Tila\nYhteinen asiakassuunnitelma;Mallin kuvaus;Aloitettu\nKotihoidon yöpartio;Pilotti;Ei aloitettu\n'));
  await pageA.getByRole('button', { name: 'Tuo', exact: true }).click();
  await expect(pageA.getByTestId('import-status')).toHaveText('2 riviä tuotu.');
  await expect(goalRows(pageB)).toHaveCount(5);
  await expect(cellEditor(pageB, 3, 'goal')).toHaveText('Yhteinen asiakassuunnitelma');
  await expect(goalRows(pageB).nth(3).getByTestId('cell-status')).toHaveValue('started');
  await expect(cellEditor(pageB, 4, 'task')).toHaveText('Pilotti');

  await pageA
    .getByLabel('Tiedosto (CSV, XLSX tai Markdown)')
    .setInputFiles(csvFile('virheellinen.csv', 'Tavoite;Tila\nHyvä tavoite;Aloitettu\nToinen tavoite;Melkein valmis\n'));
  await pageA.getByRole('button', { name: 'Tuo', exact: true }).click();
  const problems = pageA.getByTestId('import-problems');
  await expect(problems).toContainText('Tiedostoa ei tuotu');
  await expect(problems.getByRole('listitem')).toHaveText(['Rivi 3, sarake Tila: ”Melkein valmis” ei ole asteikon vaihe']);
  // Nothing was written.
  await expect(goalRows(pageA)).toHaveCount(5);
  await expectNoAxeViolations(pageA);

  // Client data in a file is imported, but the importer is told where it is.
  await pageA.getByLabel('Tiedosto (CSV, XLSX tai Markdown)').setInputFiles(csvFile('asiakas.csv', 'Tavoite\nAsiakas 131052-308T kotiutuu\n'));
  await pageA.getByRole('button', { name: 'Tuo', exact: true }).click();
  await expect(pageA.getByTestId('import-status')).toHaveText('1 rivi tuotu.');
  await expect(pageA.getByTestId('import-personal-data')).toContainText('Rivi 2, sarake Tavoite: henkilötunnus');
  await expect(goalRows(pageB)).toHaveCount(6);

  await Promise.all([contextA.close(), contextB.close()]);
});

test('action plans and service paths are created from templates and open in the document page', async ({ browser }) => {
  const context = await signedInContext(browser, server.origin, fasilitaattori);
  const page = await context.newPage();

  await page.goto(`/workshops/${workshopId}/new`);
  await page.getByRole('group', { name: 'Asiakirjan tyyppi' }).getByRole('radio', { name: 'Toimintasuunnitelma', exact: true }).check();
  // The templates follow the type.
  await expect(page.getByRole('radio', { name: 'Oma-arviointi (THL, hyötytavoitteet)' })).toHaveCount(0);
  const actionTemplates = page.getByRole('group', { name: 'Pohja' }).getByRole('radio');
  await expect(actionTemplates).toHaveCount(2);
  await actionTemplates.nth(1).check();
  await page.getByLabel('Asiakirjan nimi').fill('Toimintasuunnitelma 2026');
  await page.getByRole('button', { name: 'Luo asiakirja' }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Toimintasuunnitelma 2026' })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(page.getByTestId('goal-table')).toHaveCount(0);
  // Facilitators import actions into an action plan too.
  await page
    .getByLabel('Tiedosto (CSV, XLSX tai Markdown)')
    .setInputFiles(csvFile('toimenpiteet.csv', 'Teema,Toimenpide,Tila\nAsiakasohjaus,Palveluohjauksen malli,Käynnissä\nAsiakasohjaus,Koulutus,Suunniteltu\n'));
  await page.getByRole('button', { name: 'Tuo', exact: true }).click();
  await expect(page.getByTestId('import-status')).toHaveText('2 riviä tuotu.');

  await page.goto(`/workshops/${workshopId}/new`);
  await page.getByRole('group', { name: 'Asiakirjan tyyppi' }).getByRole('radio', { name: 'Palvelupolku', exact: true }).check();
  await expect(page.getByRole('group', { name: 'Pohja' }).getByRole('radio').first()).toBeChecked();
  await page.getByLabel('Asiakirjan nimi').fill('Asiakkaan palvelupolku');
  await page.getByRole('button', { name: 'Luo asiakirja' }).click();
  await expect(page).toHaveURL(/\/documents\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Asiakkaan palvelupolku' })).toBeVisible();
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

  // Without a name nothing is created and the page says why.
  await page.goto(`/workshops/${workshopId}/new`);
  await page.getByRole('button', { name: 'Luo asiakirja' }).click();
  await expect(page.getByText('Anna asiakirjalle nimi.')).toBeVisible();
  await expectNoAxeViolations(page);

  // Participants cannot create documents.
  const other = await signedInContext(browser, server.origin, osallistuja);
  const otherPage = await other.newPage();
  await otherPage.goto(`/workshops/${workshopId}/new`);
  await expect(otherPage.getByText('Vain työpajan fasilitaattori voi luoda asiakirjoja.')).toBeVisible();
  await Promise.all([context.close(), other.close()]);
});
