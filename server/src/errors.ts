import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Errors the product shows to callers: a stable code, a status and a message safe to show.
 * Anything else that is thrown is an internal error and is logged, never shown.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: ContentfulStatusCode;
  readonly details: unknown;
  readonly headers: Record<string, string>;

  constructor(code: string, status: ContentfulStatusCode, message: string, options: { details?: unknown; headers?: Record<string, string> } = {}) {
    super(message);
    this.code = code;
    this.status = status;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export const errors = {
  invalidInput: (details: unknown) => new AppError('invalid_input', 400, 'The request is not valid', { details }),
  unauthenticated: () => new AppError('unauthenticated', 401, 'Sign in first'),
  wrongCredentials: () => new AppError('wrong_credentials', 401, 'Wrong email or password'),
  throttled: (retryAfterSeconds: number) =>
    new AppError('throttled', 429, 'Too many attempts; try again later', { headers: { 'Retry-After': String(retryAfterSeconds) } }),
  forbidden: () => new AppError('forbidden', 403, 'You may not do that'),
  badOrigin: () => new AppError('bad_origin', 403, 'Request origin not allowed'),
  /** Also used for things that exist but the caller may not see, so ids leak nothing. */
  notFound: (what: string) => new AppError('not_found', 404, `${what} not found`),
  conflict: (code: string, message: string) => new AppError(code, 409, message),
  /** Something that existed and can no longer be used (an expired or revoked invitation). */
  gone: (code: string, message: string) => new AppError(code, 410, message),
  unprocessable: (code: string, message: string, details?: unknown) =>
    new AppError(code, 422, message, details === undefined ? {} : { details }),
  storeUnavailable: () => new AppError('store_unavailable', 503, 'The data store is not answering'),
};
