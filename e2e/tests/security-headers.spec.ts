import { expect, test } from '@playwright/test';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, goalRows, signedInContext } from '../support/pages.ts';

let server: ProductServer;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
});

test.afterAll(async () => {
  await server?.dispose();
});

test('the built app runs under its Content-Security-Policy: sign-in, live editing, no violations', async ({ browser }) => {
  const api = await Api.signIn(server.origin, admin);
  const { id: workshopId } = await api.call('POST', '/api/workshops', { title: 'CSP-työpaja' });
  const { id } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' });

  const context = await signedInContext(browser, server.origin, admin);
  // Every violation the browser reports, from the first script on.
  await context.addInitScript(() => {
    const violations: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = violations;
    document.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const page = await context.newPage();
  const response = await page.goto(`/documents/${id}`);
  expect(response!.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');

  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(goalRows(page)).toHaveCount(3);
  await cellEditor(page, 0, 'goal').click();
  await page.keyboard.type('Yhteinen tavoite');
  await expect(cellEditor(page, 0, 'goal')).toContainText('Yhteinen tavoite');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  await context.close();
});
