/**
 * The document calls of the editor pages (create with a template, import a table) that the
 * shared `api.ts` does not have yet.
 */
import type { DocumentType, Locale } from '@yhteispaja/model';
import { ApiError } from '../api.ts';

export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  message: string;
}

/** A 422 `import_rejected`: the cells that could not be imported (nothing was written). */
export class ImportRejected extends Error {
  readonly problems: ImportProblem[];
  constructor(problems: ImportProblem[]) {
    super('import_rejected');
    this.problems = problems;
  }
}

export interface ImportResult {
  rowsAdded: number;
  columnsCreated: string[];
  /** Cells that look like client data: imported, but the importer is warned. */
  personalData?: { row: number; column: string; kind: 'personal-identity-code' | 'health-detail' }[];
}

export const importContentTypes: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown',
  markdown: 'text/markdown',
};

/** The Content-Type to send a file with, by its extension (undefined: not importable). */
export function importContentType(fileName: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  return extension ? importContentTypes[extension] : undefined;
}

async function failure(response: Response): Promise<Error> {
  const payload = (await response.json().catch(() => undefined)) as
    | { error?: { code?: unknown; message?: unknown; details?: unknown } }
    | undefined;
  const error = payload?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  if (code === 'import_rejected' && Array.isArray(error?.details)) return new ImportRejected(error.details as ImportProblem[]);
  return new ApiError(response.status, code, typeof error?.message === 'string' ? error.message : response.statusText);
}

async function send(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, { credentials: 'same-origin', ...init });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
}

export async function createDocument(
  workshopId: string,
  input: { type: DocumentType; title: string; template: string; locale: Locale },
): Promise<{ id: string }> {
  const response = await send(`/api/workshops/${encodeURIComponent(workshopId)}/documents`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as { id: string };
}

export async function importTable(documentId: string, file: Blob, contentType: string): Promise<ImportResult> {
  const response = await send(`/api/documents/${encodeURIComponent(documentId)}/import`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': contentType },
    body: file,
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as ImportResult;
}

/** Remove every occurrence of `text` from the document and its whole stored history (facilitators). */
export async function purgeText(documentId: string, text: string): Promise<{ removed: number }> {
  const response = await send(`/api/documents/${encodeURIComponent(documentId)}/purge`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify({ text }),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as { removed: number };
}
