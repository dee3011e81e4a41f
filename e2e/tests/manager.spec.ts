import { expect, test, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, expectNoAxeViolations, goalRows, signedInContext } from '../support/pages.ts';

const fasi = { email: 'fasi@example.com', name: 'Fiia Fasilitaattori', password: 'fiia-long-password' };
const aino = { email: 'aino@example.com', name: 'Aino Sosiaalityöntekijä', password: 'aino-long-password' };
const bertta = { email: 'bertta@example.com', name: 'Bertta Sairaanhoitaja', password: 'bertta-long-password' };
const olli = { email: 'olli@example.com', name: 'Olli Tarkkailija', password: 'olli-long-password' };

// One story in order: each test builds on the versions and edits of the one before.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let server: ProductServer;
let workshopId: string;
let documentId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const api = await Api.signIn(server.origin, admin);
  for (const user of [fasi, aino, bertta, olli]) await api.call('POST', '/api/users', user);
  ({ id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Oma-arviointi 2026' }));
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: fasi.email, role: 'facilitator' });
  for (const user of [aino, bertta]) await api.call('POST', `/api/workshops/${workshopId}/members`, { email: user.email, role: 'participant' });
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: olli.email, role: 'observer' });
  ({ id: documentId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet 2026' }));
});

test.afterAll(async () => {
  await server?.dispose();
});

async function takeSnapshot(page: Page, label: string, version: number) {
  await page.getByLabel('Nimi').fill(label);
  await page.getByRole('button', { name: 'Ota versio' }).click();
  await expect(page.getByTestId('versions').getByRole('rowheader', { name: `v${version}`, exact: true })).toBeVisible();
}

/** Download one report through the page's form; returns the file's bytes. */
async function downloadReport(page: Page, version: string, format: string): Promise<Buffer> {
  await page.getByLabel('Versio', { exact: true }).selectOption({ label: version });
  await page.getByLabel('Muoto').selectOption(format);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lataa', exact: true }).click()]);
  await expect(page.getByText(/Raportti ladattiin tiedostoon/)).toBeVisible();
  return readFile((await (download as Download).path())!);
}

async function axeInEveryLanguage(page: Page) {
  for (const language of ['Svenska', 'English', 'Suomi']) {
    await page.getByRole('button', { name: language, exact: true }).click();
    await expectNoAxeViolations(page);
  }
}

test('snapshot, edits in two browsers, a second snapshot; the observer reads what changed, who changed it, and the progress', async ({ browser }) => {
  const facilitator = await (await signedInContext(browser, server.origin, fasi)).newPage();
  await facilitator.goto(`/workshops/${workshopId}`);
  await facilitator.getByRole('link', { name: 'Versiot, raportit ja muutokset' }).click();
  await expect(facilitator.getByRole('heading', { level: 1, name: 'Versiot ja raportit' })).toBeVisible();
  await takeSnapshot(facilitator, 'Syksy 2026', 1);

  // Two participants edit at once in their own browsers.
  const pageA = await (await signedInContext(browser, server.origin, aino)).newPage();
  const pageB = await (await signedInContext(browser, server.origin, bertta)).newPage();
  await Promise.all([pageA.goto(`/documents/${documentId}`), pageB.goto(`/documents/${documentId}`)]);
  for (const page of [pageA, pageB]) await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  const goalText = 'Päihdetyön yhteinen malli käyttöön';
  await cellEditor(pageA, 0, 'goal').click();
  await pageA.keyboard.type(goalText);
  await goalRows(pageB).nth(1).getByTestId('cell-status').selectOption({ label: 'Toteutunut' });
  await expect(cellEditor(pageB, 0, 'goal')).toHaveText(goalText);
  for (const page of [pageA, pageB]) await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // The observer takes the second snapshot, downloads both reports and compares.
  const observer = await (await signedInContext(browser, server.origin, olli)).newPage();
  await observer.goto(`/workshops/${workshopId}/versions`);
  await takeSnapshot(observer, 'Kevät 2027', 2);

  // The hash of each version checks out.
  await observer.getByRole('button', { name: 'Tarkista version v1 tarkiste' }).click();
  await expect(observer.getByTestId('verify-result-1')).toContainText('Sisältö vastaa tallennettua tarkistetta');

  // The progress matrix shows the row's status at both versions.
  const matrix = observer.getByRole('region', { name: /Tavoitteet 2026/ }).first();
  await expect(matrix.getByRole('columnheader', { name: /v2/ })).toBeVisible();
  await expect(matrix.getByText('Toteutunut', { exact: true })).toBeVisible();

  await axeInEveryLanguage(observer);

  await observer.getByRole('button', { name: 'Näytä muutokset' }).click();
  await expect(observer).toHaveURL(/versions\/compare\?from=1&to=2/);
  await expect(observer.getByRole('heading', { level: 1 })).toContainText('v1 ”Syksy 2026” → v2 ”Kevät 2027”');
  const changes = observer.getByTestId('changed-document');
  const textChange = changes.locator('[data-kind="text-changed"]').first();
  await expect(textChange.locator('ins')).toContainText(goalText);
  await expect(textChange).toContainText(aino.name);
  const statusChange = changes.locator('[data-kind="status-changed"]').first();
  await expect(statusChange).toContainText('Toteutunut');
  await expect(statusChange).toContainText(bertta.name);
  await axeInEveryLanguage(observer);

  // The dashboard counts the measure at v2.
  await observer.getByRole('link', { name: 'Tilannekuva' }).click();
  await expect(observer.getByRole('heading', { level: 1, name: 'Organisaation tilannekuva' })).toBeVisible();
  await expect(observer.getByRole('link', { name: 'Oma-arviointi 2026' })).toBeVisible();
  await expect(observer.getByRole('img', { name: /Pylväskaavio/ }).first()).toBeVisible();
  const [csv] = await Promise.all([observer.waitForEvent('download'), observer.getByRole('button', { name: 'Lataa tiedot (CSV)' }).click()]);
  expect((await readFile((await csv.path())!)).toString('utf8')).toContain('Oma-arviointi 2026');
  await axeInEveryLanguage(observer);
});

test('the observer downloads both versions’ reports, the same bytes every time', async ({ browser }) => {
  const observer = await (await signedInContext(browser, server.origin, olli)).newPage();
  await observer.goto(`/workshops/${workshopId}/versions`);
  const pdf = await downloadReport(observer, 'v1 Syksy 2026', 'pdf');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(await downloadReport(observer, 'v1 Syksy 2026', 'pdf')).toEqual(pdf);
  const docx = await downloadReport(observer, 'v2 Kevät 2027', 'docx');
  expect(docx.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(await downloadReport(observer, 'v2 Kevät 2027', 'docx')).toEqual(docx);
  const markdown = (await downloadReport(observer, 'v2 Kevät 2027', 'md')).toString('utf8');
  expect(markdown).toContain('Päihdetyön yhteinen malli käyttöön');
});

test('a past version opens read-only, and a facilitator’s restore reaches an open browser live', async ({ browser }) => {
  const pageA = await (await signedInContext(browser, server.origin, aino)).newPage();
  await pageA.goto(`/documents/${documentId}`);
  await expect(pageA.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(cellEditor(pageA, 0, 'goal')).toHaveText('Päihdetyön yhteinen malli käyttöön');

  const facilitator = await (await signedInContext(browser, server.origin, fasi)).newPage();
  await facilitator.goto(`/documents/${documentId}`);
  await facilitator.getByRole('link', { name: 'Versiohistoria' }).click();
  await expect(facilitator.getByRole('heading', { level: 1 })).toContainText('Versiohistoria');
  await axeInEveryLanguage(facilitator);
  await facilitator.getByRole('link', { name: 'Versio v1 ”Syksy 2026”' }).click();

  await expect(facilitator.getByTestId('version-banner')).toContainText('Katselet aiempaa versiota: Versio v1 ”Syksy 2026”');
  await expect(cellEditor(facilitator, 0, 'goal')).toHaveText('');
  await expect(cellEditor(facilitator, 0, 'goal')).toHaveAttribute('aria-readonly', 'true');
  await expect(goalRows(facilitator).nth(1).getByTestId('cell-status')).toBeDisabled();
  await axeInEveryLanguage(facilitator);

  await facilitator.getByRole('button', { name: 'Palauta tämä versio' }).click();
  await facilitator.getByRole('dialog').getByRole('button', { name: 'Palauta', exact: true }).click();
  await expect(facilitator).toHaveURL(new RegExp(`/documents/${documentId}$`));

  // The participant's open page shows the restored content without reloading.
  await expect(cellEditor(pageA, 0, 'goal')).toHaveText('');
  await expect(goalRows(pageA).nth(1).getByTestId('cell-status')).toHaveValue('');
});
