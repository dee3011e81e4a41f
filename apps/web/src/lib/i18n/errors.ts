import { ApiError } from '../api.ts';
import type { MessageKey, MessageVars } from './index.ts';

/** What to tell the user about a failure: a catalogue message, or the server's own text. */
export type ErrorText = { key: MessageKey; vars?: MessageVars } | { text: string };

/** A failure as the API (or a route's error page) describes it. */
export interface Failure {
  status: number;
  code?: string | undefined;
  message: string;
  retryAfter?: number | undefined;
}

/** API error codes (server/src/errors.ts) with wording of our own; `network` is the client's. */
const byCode: Record<string, MessageKey> = {
  network: 'error.network',
  wrong_credentials: 'error.invalidCredentials',
  unauthenticated: 'error.unauthorized',
  forbidden: 'error.forbidden',
  bad_origin: 'error.forbidden',
  not_found: 'error.notFound',
  throttled: 'error.throttled',
  invalid_input: 'error.validation',
  store_unavailable: 'error.server',
  unknown_user: 'error.unknownUser',
  email_taken: 'error.emailTaken',
  weak_password_too_short: 'error.weakPasswordTooShort',
  weak_password_too_long: 'error.weakPasswordTooLong',
  weak_password_too_common: 'error.weakPasswordTooCommon',
  weak_password_same_as_email: 'error.weakPasswordSameAsEmail',
  invite_role_not_allowed: 'error.inviteRoleNotAllowed',
  invite_expired: 'error.inviteExpired',
  invite_revoked: 'error.inviteRevoked',
  invite_used_up: 'error.inviteUsedUp',
  internal: 'error.server',
};

/**
 * Map a failure to a message in the user's language: the error code first, then the HTTP
 * status where its meaning is clear, then the server's message as it was sent.
 * `context: 'login'` reads any 401 as wrong credentials.
 */
export function describeFailure(failure: Failure, context?: 'login'): ErrorText {
  const known = failure.code ? byCode[failure.code] : undefined;
  if (known === 'error.throttled' || failure.status === 429) {
    return failure.retryAfter
      ? { key: 'error.throttledSeconds', vars: { seconds: failure.retryAfter } }
      : { key: 'error.throttled' };
  }
  if (context === 'login' && failure.status === 401) return { key: 'error.invalidCredentials' };
  if (known) return { key: known };
  if (failure.status === 401) return { key: 'error.unauthorized' };
  if (failure.status === 403) return { key: 'error.forbidden' };
  if (failure.status === 404) return { key: 'error.notFound' };
  if (failure.status >= 500) return { key: 'error.server' };
  return failure.message ? { text: failure.message } : { key: 'error.unknown' };
}

/** `describeFailure` for anything caught: non-API errors read as unexpected. */
export function describeError(error: unknown, context?: 'login'): ErrorText {
  return error instanceof ApiError ? describeFailure(error, context) : { key: 'error.unknown' };
}
