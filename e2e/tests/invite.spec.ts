import { expect, test } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, expectNoAxeViolations, goalRows, signedInContext } from '../support/pages.ts';

const fanni = { email: 'fanni@example.com', name: 'Fanni Fasilitaattori', password: 'fanni-long-password' };
const workshopTitle = 'Perhekeskuksen kehittämistyöpaja';
const documentTitle = 'Perhekeskuksen tavoitteet';

let server: ProductServer;
let workshopId: string;
let documentId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const adminApi = await Api.signIn(server.origin, admin);
  await adminApi.call('POST', '/api/users', fanni);
  // Fanni starts the workshop, so she is its facilitator.
  const api = await Api.signIn(server.origin, fanni);
  ({ id: workshopId } = await api.call('POST', '/api/workshops', { title: workshopTitle }));
  ({ id: documentId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: documentTitle }));
});

test.afterAll(async () => {
  await server?.dispose();
});

test('a facilitator invites a guest by link, they co-edit, and the revoked link is explained', async ({ browser }) => {
  const facilitator = await signedInContext(browser, server.origin, fanni);
  await facilitator.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  const people = await facilitator.newPage();
  await people.goto(`/workshops/${workshopId}`);
  await people.getByRole('link', { name: 'Jäsenet, kutsulinkit ja asetukset' }).click();
  await expect(people.getByRole('heading', { level: 1, name: 'Jäsenet' })).toBeVisible();
  await expect(people.getByTestId('members')).toContainText(fanni.name);

  // A participant link, valid for a workshop day.
  const invites = people.getByRole('region', { name: 'Kutsulinkit' });
  await invites.getByLabel('Rooli', { exact: true }).selectOption({ label: 'Osallistuja' });
  await invites.getByLabel('Voimassa (tuntia)').fill('8');
  await invites.getByLabel('Käyttökertoja enintään').fill('30');
  await invites.getByRole('button', { name: 'Luo kutsulinkki' }).click();
  const fresh = people.getByTestId('fresh-invite');
  await expect(fresh.getByRole('heading', { name: 'Kutsulinkki on valmis' })).toBeFocused();
  const link = await fresh.getByTestId('invite-url').inputValue();
  expect(link).toMatch(new RegExp(`^${server.origin}/join/[a-z2-7]{32}$`));
  await expect(fresh.getByRole('img', { name: 'QR-koodi kutsulinkille' })).toBeVisible();
  // The clipboard needs a focused document.
  await people.bringToFront();
  await fresh.getByRole('button', { name: 'Kopioi linkki' }).click();
  await expect(fresh.getByRole('status')).toHaveText('Linkki kopioitu leikepöydälle.');
  expect(await people.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(people.getByTestId('invite-row')).toHaveCount(1);
  await expect(people.getByTestId('invite-row')).toContainText('0 / 30');

  // The projector view: a big QR code; Escape closes it and focus returns to its button.
  await fresh.getByRole('button', { name: 'Näytä koko näytöllä' }).click();
  const projector = people.getByRole('dialog', { name: `Liity työpajaan ${workshopTitle}` });
  await expect(projector).toBeVisible();
  await expect(projector.getByRole('img', { name: 'QR-koodi kutsulinkille' })).toBeVisible();
  await people.keyboard.press('Escape');
  await expect(projector).toBeHidden();
  await expect(fresh.getByRole('button', { name: 'Näytä koko näytöllä' })).toBeFocused();
  await expectNoAxeViolations(people);

  // A guest (not signed in) opens the link, gives a name and lands in the workshop.
  const guestContext = await browser.newContext({ baseURL: server.origin });
  const guest = await guestContext.newPage();
  await guest.goto(link);
  await expect(guest.getByRole('heading', { level: 1, name: workshopTitle })).toBeVisible();
  await expect(guest.getByText('Roolisi: Osallistuja')).toBeVisible();
  await expectNoAxeViolations(guest);
  await guest.getByRole('button', { name: 'Liity työpajaan' }).click();
  await expect(guest.getByText('Anna nimesi.')).toBeVisible();
  await guest.getByLabel('Nimesi').fill('Ville Vieras');
  await guest.getByRole('button', { name: 'Liity työpajaan' }).click();
  await expect(guest).toHaveURL(`${server.origin}/workshops/${workshopId}`);
  await expect(guest.getByRole('heading', { level: 1, name: workshopTitle })).toBeVisible();
  // Guests see no admin tools: the members list is read-only, without links or settings.
  await expect(guest.getByRole('link', { name: 'Organisaatio' })).toHaveCount(0);
  await guest.getByRole('link', { name: 'Jäsenet', exact: true }).click();
  await expect(guest.getByTestId('members')).toContainText(fanni.name);
  await expect(guest.getByTestId('members')).toContainText('Ville Vieras');
  await expect(guest.getByTestId('members').getByRole('combobox')).toHaveCount(0);
  await expect(guest.getByTestId('members').getByRole('button')).toHaveCount(0);
  await expect(guest.getByRole('heading', { name: 'Kutsulinkit' })).toHaveCount(0);
  await guest.goBack();
  await guest.getByRole('link', { name: documentTitle }).click();
  await expect(goalRows(guest)).toHaveCount(3);

  const facilitatorDoc = await facilitator.newPage();
  await facilitatorDoc.goto(`/documents/${documentId}`);
  await expect(facilitatorDoc.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(guest.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');

  const text = 'Perheet saavat tuen yhdestä paikasta';
  await cellEditor(guest, 0, 'goal').click();
  await guest.keyboard.type(text, { delay: 10 });
  await expect(cellEditor(facilitatorDoc, 0, 'goal')).toHaveText(text);
  await expect(facilitatorDoc.getByTestId('presence')).toContainText('Ville Vieras');
  await expect(guest.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');

  // The facilitator sees the guest and the use, and revokes the link.
  await people.reload();
  await expect(people.getByTestId('members')).toContainText('Ville Vieras');
  const row = people.getByTestId('invite-row');
  await expect(row).toContainText('1 / 30');
  await row.getByRole('button', { name: /^Peru linkki, joka luotiin/ }).click();
  const confirm = people.getByRole('dialog', { name: 'Perutaanko kutsulinkki?' });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Peru linkki' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toHaveAttribute('data-status', 'revoked');
  await expect(row).toContainText('Peruttu');
  await expect(people.getByRole('status').filter({ hasText: 'Kutsulinkki peruttu.' })).toBeVisible();
  await expect(people.getByTestId('audit-log')).toContainText('Perui kutsulinkin');
  await expect(people.getByTestId('audit-log')).toContainText('Liittyi kutsulinkillä');

  // Someone else opening the link now is told what happened.
  const lateContext = await browser.newContext({ baseURL: server.origin });
  const late = await lateContext.newPage();
  await late.goto(link);
  await expect(late.getByRole('heading', { level: 1, name: 'Kutsulinkki on peruttu' })).toBeVisible();
  await expect(late.getByText('Pyydä työpajan fasilitaattorilta uusi linkki.')).toBeVisible();
  await expect(late.getByLabel('Nimesi')).toHaveCount(0);
  await expectNoAxeViolations(late);

  await Promise.all([facilitator.close(), guestContext.close(), lateContext.close()]);
});

test('an organisation admin creates a user on the organisation page', async ({ browser }) => {
  const context = await signedInContext(browser, server.origin, admin);
  const page = await context.newPage();
  await page.goto('/workshops');
  await page.getByRole('link', { name: 'Organisaatio' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Organisaatio');
  await expect(page.getByTestId('users')).toContainText(fanni.email);
  await expectNoAxeViolations(page);

  const email = 'kaisa@example.com';
  await page.getByLabel('Nimi', { exact: true }).fill('Kaisa Kehittäjä');
  await page.getByLabel('Sähköposti', { exact: true }).fill(email);
  await page.getByLabel('Alkusalasana').fill('password123');
  await page.getByRole('button', { name: 'Luo käyttäjä' }).click();
  // The server refuses a common password; the message is under the field, which gets focus.
  await expect(page.getByText('Salasana on yleisimpien salasanojen joukossa. Valitse toinen.')).toBeVisible();
  await expect(page.getByLabel('Alkusalasana')).toBeFocused();

  await page.getByLabel('Alkusalasana').fill('kaisan-pitka-salalause');
  await page.getByRole('button', { name: 'Luo käyttäjä' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Käyttäjä Kaisa Kehittäjä (${email}) luotu.` })).toBeVisible();
  await expect(page.getByTestId('users').getByTestId('user-row').filter({ hasText: email })).toContainText('Käyttäjä');
  await expect(page.getByLabel('Nimi', { exact: true })).toHaveValue('');
  await expect(page.getByTestId('audit-log')).toContainText('Loi käyttäjän');

  // The new account works.
  await Api.signIn(server.origin, { email, password: 'kaisan-pitka-salalause' });
  await context.close();
});
