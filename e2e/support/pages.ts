import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** A signed-in browser context, signed in through the API (the sign-in page has its own test). */
export async function signedInContext(browser: Browser, origin: string, credentials: { email: string; password: string }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: origin });
  const response = await context.request.post('/api/auth/login', { data: credentials, headers: { origin } });
  expect(response.status()).toBe(200);
  return context;
}

/** WCAG 2.1 A and AA rules of axe; any violation fails with its rule ids and targets. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary).toEqual([]);
}

export function goalRows(page: Page) {
  return page.getByTestId('goal-table').getByTestId('goal-row');
}

export function cellEditor(page: Page, row: number, column: string) {
  return goalRows(page).nth(row).getByTestId(`cell-${column}`).locator('.ProseMirror');
}
