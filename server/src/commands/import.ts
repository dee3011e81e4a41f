import { ActionPlan, GoalTable, ImportError, importIntoActionPlan, importIntoGoalTable, type ImportResult } from '@yhteispaja/model';
import type * as Y from 'yjs';
import { errors } from '../errors.ts';
import { can } from '../policies/workshop.ts';
import type { Store, User } from '../storage/ports.ts';
import type { TableParser } from './import-parser.ts';
import { requireDocumentRole } from './workshops.ts';

/** Largest file accepted for import: tables people keep in Word and Excel are far smaller. */
export const maxImportBytes = 5 * 1024 * 1024;

/**
 * Fill a goal table or action plan from an uploaded CSV, XLSX or Markdown table. The rows go into
 * the live document (`change` runs the edit through its room), so everyone in the workshop sees
 * them appear. Problems are reported by row and column, and then nothing is written.
 */
export async function importDocument(
  store: Store,
  user: User,
  documentId: string,
  file: { bytes: Uint8Array; contentType: string },
  change: (documentId: string, edit: (doc: Y.Doc) => ImportResult, actor: string) => Promise<ImportResult>,
  parseTable: TableParser,
): Promise<ImportResult> {
  const { document, role } = await requireDocumentRole(store, documentId, user);
  if (!can(role, 'createDocuments')) throw errors.forbidden();
  if (document.type === 'service-path') throw errors.unprocessable('import_not_supported', 'Service paths cannot be imported from a table');
  if (file.bytes.byteLength > maxImportBytes) throw errors.unprocessable('file_too_large', `The file is larger than ${maxImportBytes / 1024 / 1024} MB`);
  const table = await parseTable(file);
  try {
    return await change(document.id, (doc) =>
      document.type === 'goal-table' ? importIntoGoalTable(new GoalTable(doc), table) : importIntoActionPlan(new ActionPlan(doc), table),
      user.id,
    );
  } catch (error) {
    if (error instanceof ImportError) throw errors.unprocessable('import_rejected', 'Some cells could not be imported; nothing was changed', error.problems);
    throw error;
  }
}
