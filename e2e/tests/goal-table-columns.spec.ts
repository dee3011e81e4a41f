import { expect, test } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { expectNoAxeViolations, goalRows, signedInContext } from '../support/pages.ts';

const fasilitaattori = { email: 'fasilitaattori@example.com', name: 'Fanni Fasilitaattori', password: 'fanni-long-password' };
const osallistuja = { email: 'osallistuja@example.com', name: 'Olli Osallistuja', password: 'olli-long-password' };

let server: ProductServer;
let workshopId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const api = await Api.signIn(server.origin, admin);
  for (const user of [fasilitaattori, osallistuja]) await api.call('POST', '/api/users', user);
  ({ id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Oma-arviointityöpaja' }));
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: fasilitaattori.email, role: 'facilitator' });
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: osallistuja.email, role: 'participant' });
});

test.afterAll(async () => {
  await server?.dispose();
});

test('a facilitator creates a self-evaluation from its template, manages columns and rates maturity; another browser follows', async ({ browser }) => {
  // A long journey with two browsers and four accessibility scans.
  test.setTimeout(120_000);
  const contextA = await signedInContext(browser, server.origin, fasilitaattori);
  const contextB = await signedInContext(browser, server.origin, osallistuja);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();

  await pageA.goto(`/workshops/${workshopId}/new`);
  await expect(pageA.getByRole('heading', { level: 1, name: 'Uusi asiakirja' })).toBeVisible();
  await expectNoAxeViolations(pageA);
  await pageA.getByRole('group', { name: 'Asiakirjan tyyppi' }).getByRole('radio', { name: 'Tavoitetaulukko', exact: true }).check();
  await pageA.getByRole('group', { name: 'Pohja' }).getByRole('radio', { name: 'Oma-arviointi (THL, hyötytavoitteet)' }).check();
  await pageA.getByLabel('Asiakirjan nimi').fill('Oma-arviointi 2026');
  await pageA.getByRole('button', { name: 'Luo asiakirja' }).click();
  await expect(pageA).toHaveURL(/\/documents\/[^/]+$/);
  await expect(pageA.getByRole('heading', { level: 1, name: 'Oma-arviointi 2026' })).toBeVisible();

  // The five national benefit goals are heading rows, two measures under each.
  const headingsA = pageA.getByTestId('goal-table').getByTestId('heading-row');
  await expect(headingsA).toHaveCount(5);
  await expect(headingsA.first().getByRole('textbox', { name: 'Väliotsikko' })).toHaveValue(/^1\. /);
  await expect(goalRows(pageA)).toHaveCount(10);
  await expect(pageA.getByRole('columnheader', { name: 'Kypsyystaso' })).toBeVisible();
  await expect(pageA.getByRole('columnheader', { name: 'Lähtötilanne' })).toBeVisible();

  await pageB.goto(pageA.url());
  await expect(pageB.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(pageB.getByTestId('goal-table').getByTestId('heading-row')).toHaveCount(5);
  // Participants edit cells but do not manage columns.
  await expect(pageB.getByTestId('column-manager')).toHaveCount(0);

  // Add a column, then rename it.
  await pageA.getByLabel('Sarakkeen nimi').fill('Kustannukset');
  await pageA.getByLabel('Sarakkeen tyyppi').selectOption({ label: 'Luku' });
  await pageA.getByRole('button', { name: 'Lisää sarake', exact: true }).click();
  await expect(pageB.getByRole('columnheader', { name: 'Kustannukset' })).toBeVisible();
  const nameInput = pageA.getByRole('textbox', { name: 'Sarakkeen 7 nimi' });
  await expect(nameInput).toHaveValue('Kustannukset');
  await nameInput.fill('Kustannukset (euroa)');
  await nameInput.press('Tab');
  await expect(pageB.getByRole('columnheader', { name: 'Kustannukset (euroa)' })).toBeVisible();
  await expect(pageB.getByRole('columnheader', { name: 'Kustannukset', exact: true })).toHaveCount(0);
  // Move it one place left, before the results column.
  const headerTexts = (page: typeof pageB) => page.getByTestId('goal-table').locator('thead tr').first().locator('th').allTextContents();
  const order = async (page: typeof pageB) => {
    const texts = (await headerTexts(page)).map((text) => text.trim());
    return texts.indexOf('Kustannukset (euroa)') - texts.indexOf('Tulokset');
  };
  await expect.poll(() => order(pageB)).toBe(1);
  await pageA.getByRole('button', { name: 'Siirrä saraketta Kustannukset (euroa) vasemmalle' }).click();
  await expect.poll(() => order(pageB)).toBe(-1);
  await expect(pageA.getByRole('button', { name: 'Siirrä saraketta Kustannukset (euroa) vasemmalle' })).toBeFocused();

  // Rate the first measure's maturity in the autumn period.
  await goalRows(pageA).nth(0).getByRole('combobox', { name: 'Kypsyystaso, Syksy, rivi 1' }).selectOption({ label: '3 Kuvattu' });
  await expect(goalRows(pageB).nth(0).getByRole('combobox', { name: 'Kypsyystaso, Syksy, rivi 1' })).toHaveValue('3');

  // A new evaluation period appears as a sub-column for everyone.
  await pageA.getByLabel('Uusi arviointijakso sarakkeeseen Kypsyystaso').fill('Syksy 2027');
  await pageA.getByRole('button', { name: 'Lisää jakso' }).click();
  await expect(pageB.getByRole('columnheader', { name: 'Syksy 2027' })).toBeVisible();
  await goalRows(pageB).nth(1).getByRole('combobox', { name: 'Kypsyystaso, Syksy 2027, rivi 2' }).selectOption('5');
  await expect(goalRows(pageA).nth(1).getByRole('combobox', { name: 'Kypsyystaso, Syksy 2027, rivi 2' })).toHaveValue('5');

  // People: add by typing a name and Enter, remove with the chip's button.
  const addPerson = goalRows(pageB).nth(0).getByRole('textbox', { name: 'Lisää henkilö: Vastuuhenkilöt, rivi 1' });
  await addPerson.fill('Maija Meikäläinen');
  await addPerson.press('Enter');
  await expect(goalRows(pageA).nth(0).getByTestId('cell-responsible')).toContainText('Maija Meikäläinen');
  await goalRows(pageA).nth(0).getByRole('button', { name: 'Poista Maija Meikäläinen' }).click();
  await expect(goalRows(pageB).nth(0).getByTestId('cell-responsible')).not.toContainText('Maija Meikäläinen');

  // Numbers, and a new group heading.
  const cost = goalRows(pageA).nth(0).getByRole('spinbutton', { name: 'Kustannukset (euroa), rivi 1' });
  await cost.fill('1200');
  await cost.press('Tab');
  await expect(goalRows(pageB).nth(0).getByRole('spinbutton', { name: 'Kustannukset (euroa), rivi 1' })).toHaveValue('1200');
  await pageA.getByLabel('Väliotsikon teksti').fill('Muut tavoitteet');
  await pageA.getByRole('button', { name: 'Lisää väliotsikko' }).click();
  await expect(pageB.getByTestId('goal-table').getByTestId('heading-row')).toHaveCount(6);
  await expect(pageB.getByTestId('goal-table').getByTestId('heading-row').last().getByRole('textbox')).toHaveValue('Muut tavoitteet');

  for (const page of [pageA, pageB]) await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expectNoAxeViolations(pageA);
  await expectNoAxeViolations(pageB);

  // Removing a column asks first.
  pageA.once('dialog', (dialog) => void dialog.accept());
  await pageA.getByRole('button', { name: 'Poista sarake Kustannukset (euroa)' }).click();
  await expect(pageB.getByRole('columnheader', { name: 'Kustannukset (euroa)' })).toHaveCount(0);

  await Promise.all([contextA.close(), contextB.close()]);
});

test('typing a personal identity code into a cell shows a warning', async ({ browser }) => {
  const api = await Api.signIn(server.origin, fasilitaattori);
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Henkilötietovaroitus' });
  const context = await signedInContext(browser, server.origin, fasilitaattori);
  const page = await context.newPage();
  await page.goto(`/documents/${id}`);
  const cell = goalRows(page).nth(0).getByTestId('cell-goal');
  await cell.locator('.rich-text-body').click();
  await page.keyboard.type('Asiakas 131052-308T tarvitsee apua');
  await expect(cell.getByText('Tämä näyttää henkilötunnukselta — älä kirjaa asiakkaan tietoja.')).toBeVisible();
  await expect(cell.getByTestId('personal-data-warning')).toHaveAttribute('aria-live', 'polite');
  await expectNoAxeViolations(page);
  // Removing the code removes the warning.
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Palvelut sovitetaan yhteen');
  await expect(cell.getByText('Tämä näyttää henkilötunnukselta')).toHaveCount(0);
  await page.keyboard.type(', diagnoosi: masennus');
  await expect(cell.getByText('Tämä näyttää terveystiedolta — älä kirjaa asiakkaan tietoja.')).toBeVisible();
  await context.close();
});

test('schedules are shared text, dates are dates, and group headings can be renamed by anyone editing', async ({ browser }) => {
  const api = await Api.signIn(server.origin, fasilitaattori);
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, {
    type: 'goal-table',
    title: 'Alueellinen suunnitelma',
    template: 'regional-action-plan',
    locale: 'fi',
  });
  const contextA = await signedInContext(browser, server.origin, fasilitaattori);
  const contextB = await signedInContext(browser, server.origin, osallistuja);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await Promise.all([pageA.goto(`/documents/${id}`), pageB.goto(`/documents/${id}`)]);
  for (const page of [pageA, pageB]) await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(pageA.getByTestId('goal-table').getByTestId('heading-row').first()).toBeVisible();

  const scheduleA = goalRows(pageA).nth(0).getByTestId('cell-schedule');
  const scheduleB = goalRows(pageB).nth(0).getByTestId('cell-schedule');
  await scheduleA.click();
  await pageA.keyboard.type('syksy 2026', { delay: 10 });
  await expect(scheduleB).toHaveValue('syksy 2026');
  await scheduleB.click();
  await pageB.keyboard.press('End');
  await pageB.keyboard.type(' – kevät 2027', { delay: 10 });
  await expect(scheduleA).toHaveValue('syksy 2026 – kevät 2027');

  // A date column, added by the facilitator, is filled by a participant.
  await pageA.getByLabel('Sarakkeen nimi').fill('Määräpäivä');
  await pageA.getByLabel('Sarakkeen tyyppi').selectOption('date');
  await pageA.getByRole('button', { name: 'Lisää sarake', exact: true }).click();
  await goalRows(pageB).nth(0).getByLabel('Määräpäivä, rivi 1').fill('2026-12-31');
  await expect(goalRows(pageA).nth(0).getByLabel('Määräpäivä, rivi 1')).toHaveValue('2026-12-31');

  const headingB = pageB.getByTestId('goal-table').getByTestId('heading-row').first().getByRole('textbox', { name: 'Väliotsikko' });
  await headingB.fill('Tavoitteet 2026');
  await expect(pageA.getByTestId('goal-table').getByTestId('heading-row').first().getByRole('textbox', { name: 'Väliotsikko' })).toHaveValue('Tavoitteet 2026');
  for (const page of [pageA, pageB]) await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await Promise.all([contextA.close(), contextB.close()]);
});

test('a facilitator purges an identity code from the document and its history; others see it go', async ({ browser }) => {
  const api = await Api.signIn(server.origin, fasilitaattori);
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Poisto' });
  const facilitator = await signedInContext(browser, server.origin, fasilitaattori);
  const participant = await signedInContext(browser, server.origin, osallistuja);
  const pageA = await facilitator.newPage();
  const pageB = await participant.newPage();
  await Promise.all([pageA.goto(`/documents/${id}`), pageB.goto(`/documents/${id}`)]);
  await goalRows(pageB).nth(0).getByTestId('cell-goal').locator('.rich-text-body').click();
  await pageB.keyboard.type('Asiakas 131052-308T tarvitsee apua');
  await expect(pageB.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect(goalRows(pageA).nth(0).getByTestId('cell-goal')).toContainText('131052-308T');
  // Participants cannot purge; the facilitator can.
  await expect(pageB.getByTestId('purge')).toHaveCount(0);
  pageA.once('dialog', (dialog) => void dialog.accept());
  await pageA.getByLabel('Poistettava teksti').fill('131052-308T');
  await pageA.getByRole('button', { name: 'Poista asiakirjasta ja historiasta' }).click();
  await expect(pageA.getByTestId('purge-status')).toHaveText('Poistettu 1 esiintymää.');
  await expect(goalRows(pageB).nth(0).getByTestId('cell-goal')).toHaveText('Asiakas  tarvitsee apua');
  await expectNoAxeViolations(pageA);
  await Promise.all([facilitator.close(), participant.close()]);
});

test('a facilitator defines the table’s own status scale and uses it in a new column', async ({ browser }) => {
  const api = await Api.signIn(server.origin, fasilitaattori);
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Oma asteikko' });
  const facilitator = await signedInContext(browser, server.origin, fasilitaattori);
  const participant = await signedInContext(browser, server.origin, osallistuja);
  const pageA = await facilitator.newPage();
  const pageB = await participant.newPage();
  await Promise.all([pageA.goto(`/documents/${id}`), pageB.goto(`/documents/${id}`)]);
  await pageA.getByLabel('Oman asteikon nimi').fill('Kyllä / ei');
  await pageA.getByLabel('Asteikon portaat').fill('Ei, #8a1c1c\nOsittain\nKyllä, #1d6b35');
  await pageA.getByRole('button', { name: 'Lisää asteikko' }).click();
  await pageA.getByLabel('Sarakkeen nimi').fill('Toteutuiko');
  await pageA.getByLabel('Sarakkeen tyyppi').selectOption('status');
  await expect(pageA.getByLabel('Asteikko')).toHaveValue(/^custom-/);
  await pageA.getByRole('button', { name: 'Lisää sarake' }).click();
  await goalRows(pageA).nth(0).getByRole('combobox', { name: /Toteutuiko/ }).selectOption({ label: 'Osittain' });
  await expect(goalRows(pageB).nth(0).getByRole('combobox', { name: /Toteutuiko/ })).toHaveValue('s2');
  await expectNoAxeViolations(pageA);
  await Promise.all([facilitator.close(), participant.close()]);
});
