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

/** A rich-text cell's text: its static view, or its live editor while someone edits it. */
export function cellEditor(page: Page, row: number, column: string) {
  return goalRows(page).nth(row).getByTestId(`cell-${column}`).locator('.rich-text-body');
}

/** What a goal table shows, row by row: ids, rich-text cell texts and status values. */
export interface TableSnapshot {
  id: string | null;
  texts: (string | null)[];
  statuses: string[];
}

export function tableSnapshot(page: Page): Promise<TableSnapshot[]> {
  return goalRows(page).evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-row-id'),
      texts: [...row.querySelectorAll('.rich-text-body')].map((cell) => cell.textContent),
      statuses: [...row.querySelectorAll('select')].map((select) => (select as HTMLSelectElement).value),
    })),
  );
}

/** Prefix of the IndexedDB databases in which the web app keeps its local copies of documents. */
export const localCopyPrefix = 'yhteispaja:doc:';

/** Names of the local document copies this page's origin holds. */
export function localCopyNames(page: Page): Promise<string[]> {
  return page.evaluate(
    async (prefix) => (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(prefix)),
    localCopyPrefix,
  );
}

/**
 * Wait until everything the page has written so far into its local copy of `documentId` is
 * committed, and return how many stored updates the copy holds. A read-only transaction over
 * all of the copy's stores starts only after the read-write transactions created before it on
 * them have finished.
 */
export function localCopyCommitted(page: Page, documentId: string): Promise<number> {
  return page.evaluate(
    async (prefix) => {
      const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(prefix));
      if (names.length !== 1) throw new Error(`expected one local copy, found ${JSON.stringify(names)}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(names[0]!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        return await new Promise<number>((resolve, reject) => {
          const transaction = db.transaction([...db.objectStoreNames], 'readonly');
          const count = transaction.objectStore('updates').count();
          transaction.oncomplete = () => resolve(count.result);
          transaction.onerror = () => reject(transaction.error);
        });
      } finally {
        db.close();
      }
    },
    `${localCopyPrefix}${documentId}:`,
  );
}

/** Whether some update stored in the page's local copy of `documentId` contains `text` (UTF-8). */
export function localCopyContains(page: Page, documentId: string, text: string): Promise<boolean> {
  return page.evaluate(
    async ({ prefix, text }) => {
      const names = (await indexedDB.databases()).map((db) => db.name ?? '').filter((name) => name.startsWith(prefix));
      if (names.length !== 1) throw new Error(`expected one local copy, found ${JSON.stringify(names)}`);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(names[0]!);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        const updates = await new Promise<Uint8Array[]>((resolve, reject) => {
          const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
          request.onsuccess = () => resolve(request.result as Uint8Array[]);
          request.onerror = () => reject(request.error);
        });
        const needle = new TextEncoder().encode(text);
        return updates.some((update) => {
          outer: for (let i = 0; i + needle.length <= update.length; i++) {
            for (let j = 0; j < needle.length; j++) if (update[i + j] !== needle[j]) continue outer;
            return true;
          }
          return false;
        });
      } finally {
        db.close();
      }
    },
    { prefix: `${localCopyPrefix}${documentId}:`, text },
  );
}
