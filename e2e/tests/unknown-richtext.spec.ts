import { expect, test } from '@playwright/test';
import { GoalTable } from '@yhteispaja/model';
import * as Y from 'yjs';
import { connectProvider } from '../../server/src/testing/sync-client.ts';
import { Api, ProductServer, admin } from '../support/server.ts';
import { cellEditor, goalRows, signedInContext } from '../support/pages.ts';

// Issue #8 finding 10: rich text with a node or mark this version does not know (written by
// another version or a raw client) must survive a browser opening and editing the document.

let server: ProductServer;
let api: Api;
let documentId: string;

test.beforeAll(async () => {
  server = new ProductServer();
  await server.start();
  api = await Api.signIn(server.origin, admin);
  const { id: workshopId } = await api.call('POST', '/api/workshops', { title: 'Versioiden välinen työpaja' });
  ({ id: documentId } = await api.call('POST', `/api/workshops/${workshopId}/documents`, { type: 'goal-table', title: 'Tavoitteet' }));
});

test.afterAll(async () => {
  await server?.dispose();
});

/** The first row's goal cell as XML, read by a fresh raw client: what the server has stored. */
async function storedGoalCell(): Promise<string> {
  const client = connectProvider(server.origin, documentId, api.sessionCookie);
  try {
    await client.synced;
    const table = new GoalTable(client.doc);
    const row = table.rows()[0]!;
    return table.richText(row.id, 'goal')!.toString();
  } finally {
    client.destroy();
  }
}

test('a browser keeps nodes and marks it does not know, also when the cell is edited', async ({ browser }) => {
  const writer = connectProvider(server.origin, documentId, api.sessionCookie);
  await writer.synced;
  const table = new GoalTable(writer.doc);
  const rowId = table.rows()[0]!.id;
  const cell = table.richText(rowId, 'goal')!;
  writer.doc.transact(() => {
    const paragraph = new Y.XmlElement('paragraph');
    const mention = new Y.XmlElement('mention');
    mention.setAttribute('id', 'user-7');
    mention.insert(0, [new Y.XmlText('@Aino')]);
    const commented = new Y.XmlText();
    commented.insert(0, ' huomio', { comment: { thread: 't1' } });
    paragraph.insert(0, [new Y.XmlText('Tavoite '), mention, commented]);
    const callout = new Y.XmlElement('callout');
    callout.setAttribute('tone', 'warning');
    callout.insert(0, [new Y.XmlText('Älä poista')]);
    cell.insert(0, [paragraph, callout]);
  });
  const written = cell.toString();
  await expect.poll(storedGoalCell).toBe(written);
  writer.destroy();

  const context = await signedInContext(browser, server.origin, admin);
  const page = await context.newPage();
  await page.goto(`/documents/${documentId}`);
  await expect(page.getByTestId('connection-state')).toHaveAttribute('data-state', 'connected');
  await expect(goalRows(page)).toHaveCount(3);
  // Shown as text...
  await expect(goalRows(page).nth(0).getByTestId('cell-goal')).toContainText('@Aino');
  await expect(goalRows(page).nth(0).getByTestId('cell-goal')).toContainText('Älä poista');

  // ...and kept, also after the person types into the same cell.
  await cellEditor(page, 0, 'goal').click();
  await expect(goalRows(page).nth(0).getByTestId('cell-goal').locator('.ProseMirror')).toBeFocused();
  await page.keyboard.type('Uusi');
  await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
  await expect.poll(storedGoalCell).toContain('Uusi');
  const stored = await storedGoalCell();
  expect(stored).toContain('<paragraph>Tavoite <mention id="user-7">@Aino</mention><comment thread="t1"> huomio</comment>');
  expect(stored).toContain('<callout tone="warning">Älä poista</callout>');
  expect(stored.replace('Uusi', '')).toBe(written);
  await context.close();
});
