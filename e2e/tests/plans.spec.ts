import { expect, test, type Page } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { expectNoAxeViolations, signedInContext } from '../support/pages.ts';

const aino = { email: 'aino@example.com', name: 'Aino Sosiaalityöntekijä', password: 'aino-long-password' };
const bertta = { email: 'bertta@example.com', name: 'Bertta Sairaanhoitaja', password: 'bertta-long-password' };
const olli = { email: 'olli@example.com', name: 'Olli Tarkkailija', password: 'olli-long-password' };

let server: ProductServer;
let actionPlanId: string;
let servicePathId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const api = await Api.signIn(server.origin, admin);
  for (const user of [aino, bertta, olli]) await api.call('POST', '/api/users', user);
  const { id: workshopId } = await api.call('POST', `/api/workshops`, { title: 'Palveluketjujen kehittäminen' });
  for (const user of [aino, bertta]) await api.call('POST', `/api/workshops/${workshopId}/members`, { email: user.email, role: 'participant' });
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: olli.email, role: 'observer' });
  ({ id: actionPlanId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, {
    type: 'action-plan',
    title: 'Toimintasuunnitelma 2026',
    template: 'work-packages',
  }));
  ({ id: servicePathId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'service-path', title: 'Ikäihmisen palvelupolku' }));
});

test.afterAll(async () => {
  await server?.dispose();
});

async function connected(page: Page) {
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
}

test('two people plan actions together: A adds an action and sets it ongoing, B sees it live', async ({ browser }) => {
  const contextA = await signedInContext(browser, server.origin, aino);
  const contextB = await signedInContext(browser, server.origin, bertta);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await Promise.all([pageA.goto(`/documents/${actionPlanId}`), pageB.goto(`/documents/${actionPlanId}`)]);
  for (const page of [pageA, pageB]) {
    await connected(page);
    await expect(page.getByTestId('plan-section')).toHaveCount(3);
    await expect(page.getByTestId('section-title').first()).toHaveValue('Työpaketti 1');
  }

  const sectionA = pageA.getByTestId('plan-section').first();
  const sectionB = pageB.getByTestId('plan-section').first();
  await sectionA.getByRole('button', { name: 'Lisää toimenpide osioon Työpaketti 1' }).click();
  const rowA = sectionA.getByTestId('action-row');
  await expect(rowA).toHaveCount(1);
  // The new action's text field has the focus.
  await expect(rowA.getByTestId('action-text')).toBeFocused();
  const actionText = 'Kotihoidon ja sosiaalityön yhteinen asiakasohjaus';
  await pageA.keyboard.type(actionText);
  await rowA.getByTestId('action-status').selectOption({ label: 'Käynnissä' });
  await rowA.getByRole('textbox', { name: 'Lisää vastuuhenkilö toimenpiteeseen 1' }).fill('Aino');
  await pageA.keyboard.press('Enter');
  await rowA.getByTestId('action-start').fill('syksy 2026');
  await rowA.getByTestId('action-start').press('Tab');

  const rowB = sectionB.getByTestId('action-row');
  await expect(rowB).toHaveCount(1);
  await expect(rowB.getByTestId('action-text')).toHaveText(actionText);
  await expect(rowB.getByTestId('action-status')).toHaveValue('ongoing');
  await expect(rowB.getByTestId('responsible')).toContainText('Aino');
  await expect(rowB.getByTestId('action-start')).toHaveValue('syksy 2026');
  await expect(sectionB.getByTestId('section-summary')).toContainText('Käynnissä: 1');
  await expect(sectionB.getByTestId('section-summary')).toContainText('Suunniteltu: 0');

  // B renames the section; A sees the title change.
  await sectionB.getByTestId('section-title').fill('Työpaketti 1: asiakasohjaus');
  await expect(sectionA.getByTestId('section-title')).toHaveValue('Työpaketti 1: asiakasohjaus');

  // A moves the action to the second work package: B sees it there with its text and status.
  await rowA.getByTestId('move-to-section').selectOption({ label: 'Työpaketti 2' });
  const movedB = pageB.getByTestId('plan-section').nth(1).getByTestId('action-row');
  await expect(movedB).toHaveCount(1);
  await expect(rowB).toHaveCount(0);
  await expect(movedB.getByTestId('action-text')).toHaveText(actionText);
  await expect(movedB.getByTestId('action-status')).toHaveValue('ongoing');
  await expect(pageA.getByTestId('plan-section').nth(1).getByTestId('move-to-section')).toBeFocused();

  for (const page of [pageA, pageB]) await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expectNoAxeViolations(pageA);
  await expectNoAxeViolations(pageB);
  await Promise.all([contextA.close(), contextB.close()]);
});

test('a pain point added in the text view shows up in the other person’s journey map', async ({ browser }) => {
  const contextA = await signedInContext(browser, server.origin, aino);
  const contextB = await signedInContext(browser, server.origin, bertta);
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  await Promise.all([pageA.goto(`/documents/${servicePathId}`), pageB.goto(`/documents/${servicePathId}`)]);
  for (const page of [pageA, pageB]) {
    await connected(page);
    await expect(page.getByTestId('stage')).toHaveCount(5);
  }

  // B switches to the journey map with the keyboard.
  await pageB.getByRole('tab', { name: 'Tekstinäkymä' }).focus();
  await pageB.keyboard.press('ArrowRight');
  await expect(pageB.getByRole('tab', { name: 'Palvelupolkukartta' })).toHaveAttribute('aria-selected', 'true');
  await expect(pageB.getByRole('tab', { name: 'Palvelupolkukartta' })).toBeFocused();
  const map = pageB.getByTestId('journey-map');
  await expect(map.getByTestId('map-stage')).toHaveCount(5);
  await expect(map.getByRole('img')).toHaveAttribute('aria-label', /Tunnistaminen → 2\. Palvelutarpeen arviointi/);

  const stageA = pageA.getByTestId('stage').first();
  await stageA.getByRole('button', { name: 'Lisää kipukohta vaiheeseen Tunnistaminen' }).click();
  const painPoint = stageA.getByTestId('pain-point');
  await expect(painPoint).toHaveCount(1);
  await expect(painPoint.getByTestId('pain-point-text')).toBeFocused();
  const painText = 'Asiakas joutuu kertomaan tilanteensa monta kertaa';
  await pageA.keyboard.type(painText);
  await stageA.getByTestId('channel-phone').check();

  const stageColumn = map.getByTestId('map-pain-point');
  await expect(stageColumn).toHaveCount(1);
  await expect(stageColumn).toHaveText(painText);
  await expect(map).toContainText('Puhelin');

  for (const page of [pageA, pageB]) await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expectNoAxeViolations(pageA);
  await expectNoAxeViolations(pageB);
  await Promise.all([contextA.close(), contextB.close()]);
});

test('an observer sees both documents but cannot change them', async ({ browser }) => {
  const context = await signedInContext(browser, server.origin, olli);
  const page = await context.newPage();
  await page.goto(`/documents/${actionPlanId}`);
  await connected(page);
  await expect(page.getByTestId('plan-section')).toHaveCount(3);
  await expect(page.getByTestId('section-title').first()).toHaveAttribute('readonly', '');
  await expect(page.getByRole('button', { name: /Lisää toimenpide/ })).toHaveCount(0);
  // Rich text is shown read-only, and clicking it starts no editor.
  await expect(page.getByTestId('section-goals').first()).toHaveAttribute('aria-readonly', 'true');
  await page.getByTestId('section-goals').first().click();
  await expect(page.locator('.ProseMirror')).toHaveCount(0);

  await page.goto(`/documents/${servicePathId}`);
  await connected(page);
  await expect(page.getByTestId('stage')).toHaveCount(5);
  await expect(page.getByTestId('add-pain-point')).toHaveCount(0);
  await expect(page.getByTestId('channel-phone').first()).toBeDisabled();
  await expectNoAxeViolations(page);
  await context.close();
});
