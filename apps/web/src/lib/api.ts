/**
 * Typed wrapper for the same-origin HTTP API. Every call sends the session cookie; failures
 * become an `ApiError` carrying the server's `{"error":{"code","message"}}` (or code `network`
 * when the server could not be reached at all).
 */
import type { DocumentType, Locale } from '@yhteispaja/model';
import { historyCalls } from './reports/history-api.ts';

export type Role = 'facilitator' | 'participant' | 'observer';
export type OrganisationRole = 'admin' | 'member' | 'guest';
/** Roles an invitation link can give (facilitators are added by email). */
export type InviteRole = Exclude<Role, 'facilitator'>;

export interface User {
  id: string;
  /** Null for guests, who came in through an invitation link with only a name. */
  email: string | null;
  name: string;
  /** System admin: manages organisations. */
  isAdmin: boolean;
  organisationId: string;
  organisationRole: OrganisationRole;
  guest: boolean;
}

export interface Organisation {
  id: string;
  name: string;
  createdAt: string;
}

export interface WorkshopRef {
  id: string;
  title: string;
  role: Role;
}

export interface Me {
  user: User;
  organisation: Organisation | null;
  workshops: WorkshopSummary[];
  session: { expiresAt: string };
}

export interface WorkshopSummary extends WorkshopRef {
  createdAt: string;
  /** Days after creation when the content is erased; null keeps it until deleted. */
  retentionDays: number | null;
  erasedAt: string | null;
}

export interface Member {
  userId: string;
  name: string;
  email: string | null;
  role: Role;
  guest: boolean;
}

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'used_up';

export interface Invite {
  id: string;
  role: InviteRole;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revokedAt: string | null;
  createdAt: string;
  status: InviteStatus;
}

/** A link just created: the token and the full join link are shown this once. */
export interface CreatedInvite extends Invite {
  token: string;
  url: string;
}

/** What the landing page of a link shows. */
export interface InviteInfo {
  workshopTitle: string;
  role: InviteRole;
  expiresAt: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  /** The actor's email (a guest's name), "anonymous", or "erased user". */
  actor: string;
  actorId: string | null;
  action: string;
  workshopId: string | null;
  target: string | null;
  details: Record<string, unknown>;
  address: string | null;
}

/** Events per page of the audit logs the pages show. */
export const auditPageSize = 50;

export interface AuditPage {
  limit?: number;
  /** Events older than this id. */
  before?: number;
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

function auditQuery(page: AuditPage = {}): string {
  const params = new URLSearchParams();
  if (page.limit !== undefined) params.set('limit', String(page.limit));
  if (page.before !== undefined) params.set('before', String(page.before));
  const query = params.toString();
  return query ? `?${query}` : '';
}

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
    workshop: (workshopId: string) => call<WorkshopSummary>('GET', `/api/workshops/${id(workshopId)}`),
    updateWorkshop: (workshopId: string, changes: { title?: string; retentionDays?: number | null }) =>
      call<WorkshopSummary>('PATCH', `/api/workshops/${id(workshopId)}`, changes),
    workshopAudit: (workshopId: string, page?: AuditPage) =>
      call<AuditEvent[]>('GET', `/api/workshops/${id(workshopId)}/audit${auditQuery(page)}`),

    members: (workshopId: string) => call<Member[]>('GET', `/api/workshops/${id(workshopId)}/members`),
    /** Add a staff member of the workshop's organisation, or change an existing member's role. */
    setMember: (workshopId: string, email: string, role: Role) =>
      call<{ userId: string; role: Role }>('POST', `/api/workshops/${id(workshopId)}/members`, { email, role }),
    removeMember: (workshopId: string, userId: string) =>
      call<void>('DELETE', `/api/workshops/${id(workshopId)}/members/${id(userId)}`),

    invites: (workshopId: string) => call<Invite[]>('GET', `/api/workshops/${id(workshopId)}/invites`),
    createInvite: (workshopId: string, input: { role: InviteRole; expiresInHours: number; maxUses: number }) =>
      call<CreatedInvite>('POST', `/api/workshops/${id(workshopId)}/invites`, input),
    /** Stop new joins by the link; `removeGuests` also removes the guests who joined by it. */
    revokeInvite: (workshopId: string, inviteId: string, removeGuests = false) =>
      call<void>('DELETE', `/api/workshops/${id(workshopId)}/invites/${id(inviteId)}${removeGuests ? '?removeGuests=true' : ''}`),
    inviteInfo: (token: string) => call<InviteInfo>('GET', `/api/invites/${id(token)}`),
    acceptInvite: (token: string, displayName: string) =>
      call<{ user: User; workshopId: string; role: InviteRole }>('POST', `/api/invites/${id(token)}/accept`, { displayName }),

    documents: (workshopId: string) => call<DocumentSummary[]>('GET', `/api/workshops/${id(workshopId)}/documents`),
    /** `locale` picks the language of the template's column titles. */
    createGoalTable: (workshopId: string, title: string, locale: Locale) =>
      call<{ id: string }>('POST', `/api/workshops/${id(workshopId)}/documents`, { type: 'goal-table', title, locale }),
    document: (documentId: string) => call<DocumentInfo>('GET', `/api/documents/${id(documentId)}`),

    organisations: () => call<Organisation[]>('GET', '/api/organisations'),
    createOrganisation: (name: string) => call<{ id: string }>('POST', '/api/organisations', { name }),
    organisationUsers: (organisationId: string) => call<User[]>('GET', `/api/organisations/${id(organisationId)}/users`),
    organisationAudit: (organisationId: string, page?: AuditPage) =>
      call<AuditEvent[]>('GET', `/api/organisations/${id(organisationId)}/audit${auditQuery(page)}`),
    createUser: (input: { email: string; name: string; password: string; organisationId?: string; organisationRole?: 'admin' | 'member' }) =>
      call<{ id: string }>('POST', '/api/users', input),
    endUserSessions: (userId: string) => call<{ ended: number }>('DELETE', `/api/users/${id(userId)}/sessions`),
    /** GDPR erasure of another user (organisation admins). */
    eraseUser: (userId: string) => call<{ purged: number }>('DELETE', `/api/users/${id(userId)}`),

    changePassword: (currentPassword: string, newPassword: string) =>
      call<void>('POST', '/api/auth/password', { currentPassword, newPassword }),
    logoutAll: () => call<void>('POST', '/api/auth/logout-all'),
    /** GDPR erasure of the signed-in user's own account. */
    eraseMe: () => call<{ purged: number }>('DELETE', '/api/me'),

    ...historyCalls(call),
  };
}

export type Api = ReturnType<typeof createApi>;

export const api = createApi();
