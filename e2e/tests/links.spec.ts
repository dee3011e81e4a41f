import { expect, test } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, expectNoAxeViolations, goalRows, signedInContext } from '../support/pages.ts';

const vetaja = { email: 'vetaja@example.com', name: 'Veera Vetäjä', password: 'veera-long-password' };
const jasen = { email: 'jasen@example.com', name: 'Jussi Jäsen', password: 'jussi-long-password' };

let server: ProductServer;
let goalTableId: string;
let planId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  const api = await Api.signIn(server.origin, admin);
  for (const user of [vetaja, jasen]) await api.call('POST', '/api/users', user);
  const { id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Jäljitettävyys' });
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: vetaja.email, role: 'facilitator' });
  await api.call('POST', `/api/workshops/${workshopId}/members`, { email: jasen.email, role: 'participant' });
  ({ id: goalTableId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' }));
  ({ id: planId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'action-plan', title: 'Toimintasuunnitelma', template: 'work-packages' }));
  const response = await fetch(`${server.origin}/api/documents/${planId}/import`, {
    method: 'POST',
    headers: { origin: server.origin, cookie: (await signInCookie()) ?? '', 'content-type': 'text/csv' },
    body: 'Teema,Toimenpide\nTyöpaketti 1,Otetaan yhteinen numero käyttöön\n',
  });
  expect(response.status).toBe(200);
});

async function signInCookie(): Promise<string | undefined> {
  const response = await fetch(`${server.origin}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.origin, 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  return response.headers.get('set-cookie')?.split(';')[0];
}

test.afterAll(async () => {
  await server?.dispose();
});

test('a goal-table row links to an action of the action plan; others see and follow the link', async ({ browser }) => {
  const contextA = await signedInContext(browser, server.origin, vetaja);
  const pageA = await contextA.newPage();
  await pageA.goto(`/documents/${goalTableId}`);
  await cellEditor(pageA, 0, 'goal').click();
  await pageA.keyboard.type('Yhteinen numero');
  await goalRows(pageA).nth(0).getByRole('button', { name: 'Linkitä (rivi 1)' }).click();
  await goalRows(pageA).nth(0).getByLabel('Valitse kohde, johon rivi 1 linkitetään').selectOption({ label: 'Otetaan yhteinen numero käyttöön' });
  await goalRows(pageA).nth(0).getByRole('button', { name: 'Linkitä', exact: true }).click();
  await expect(goalRows(pageA).nth(0).getByRole('link', { name: 'Toimintasuunnitelma: Otetaan yhteinen numero käyttöön' })).toBeVisible();
  await expect(pageA.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expectNoAxeViolations(pageA);

  const contextB = await signedInContext(browser, server.origin, jasen);
  const pageB = await contextB.newPage();
  await pageB.goto(`/documents/${goalTableId}`);
  const link = goalRows(pageB).nth(0).getByRole('link', { name: 'Toimintasuunnitelma: Otetaan yhteinen numero käyttöön' });
  await expect(link).toBeVisible();
  await link.click();
  await expect(pageB.getByRole('heading', { name: 'Toimintasuunnitelma', level: 1 })).toBeVisible();
  // The link can be removed by anyone editing.
  await pageA.getByRole('button', { name: 'Poista linkki: Toimintasuunnitelma: Otetaan yhteinen numero käyttöön' }).click();
  await expect(goalRows(pageA).nth(0).getByRole('link', { name: /Toimintasuunnitelma/ })).toHaveCount(0);
  await Promise.all([contextA.close(), contextB.close()]);
});
