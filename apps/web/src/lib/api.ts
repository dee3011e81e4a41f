/**
 * Typed wrapper for the same-origin HTTP API. Every call sends the session cookie; failures
 * become an `ApiError` carrying the server's `{"error":{"code","message"}}` (or code `network`
 * when the server could not be reached at all).
 */
import type { DocumentType, Locale } from '@yhteispaja/model';

export type Role = 'facilitator' | 'participant' | 'observer';

export interface User {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

export interface WorkshopRef {
  id: string;
  title: string;
  role: Role;
}

export interface Me {
  user: User;
  workshops: WorkshopRef[];
}

export interface WorkshopSummary extends WorkshopRef {
  createdAt: string;
}

export interface DocumentSummary {
  id: string;
  type: DocumentType;
  title: string;
  createdAt: string;
}

export interface DocumentInfo {
  id: string;
  workshopId: string;
  type: DocumentType;
  title: string;
  role: Role;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  /** Seconds from a `Retry-After` header, when the server sent one (429). */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: string, message: string, retryAfter?: number) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type Fetch = typeof fetch;

async function request<T>(fetchImpl: Fetch, method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetchImpl(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, 'network', cause instanceof Error ? cause.message : String(cause));
  }
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response, payload);
  return payload as T;
}

function toApiError(response: Response, payload: unknown): ApiError {
  const error = (payload as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
  const message = typeof error?.message === 'string' ? error.message : response.statusText;
  const retryHeader = Number(response.headers.get('retry-after'));
  const retryAfter = Number.isFinite(retryHeader) && retryHeader > 0 ? Math.ceil(retryHeader) : undefined;
  return new ApiError(response.status, code, message, retryAfter);
}

const id = (value: string) => encodeURIComponent(value);

/**
 * The API, calling through `fetchImpl`: route `load` functions pass the `fetch` SvelteKit
 * gives them (`createApi(fetch)`); everything else uses `api`.
 */
export function createApi(fetchImpl: Fetch = (...args) => fetch(...args)) {
  const call = <T>(method: Method, path: string, body?: unknown) => request<T>(fetchImpl, method, path, body);
  return {
    me: () => call<Me>('GET', '/api/me'),
    login: (email: string, password: string) => call<{ user: User }>('POST', '/api/auth/login', { email, password }),
    logout: () => call<void>('POST', '/api/auth/logout'),

    workshops: () => call<WorkshopSummary[]>('GET', '/api/workshops'),
    createWorkshop: (title: string) => call<{ id: string }>('POST', '/api/workshops', { title }),
    workshop: (workshopId: string) => call<WorkshopRef>('GET', `/api/workshops/${id(workshopId)}`),

    documents: (workshopId: string) => call<DocumentSummary[]>('GET', `/api/workshops/${id(workshopId)}/documents`),
    /** `locale` picks the language of the template's column titles. */
    createGoalTable: (workshopId: string, title: string, locale: Locale) =>
      call<{ id: string }>('POST', `/api/workshops/${id(workshopId)}/documents`, { type: 'goal-table', title, locale }),
    document: (documentId: string) => call<DocumentInfo>('GET', `/api/documents/${id(documentId)}`),
  };
}

export type Api = ReturnType<typeof createApi>;

export const api = createApi();
