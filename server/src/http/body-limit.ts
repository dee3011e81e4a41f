import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { AppError } from '../errors.ts';
import type { AppEnv } from './context.ts';

/** Routes with a larger limit of their own (a file upload), checked by the route itself. */
const ownLimit = /^\/api\/documents\/[^/]+\/import$/;

/**
 * Refuse a request body over `maxBytes` before anything reads it: a declared Content-Length is
 * judged at once, a chunked body is counted as it streams and cut off at the limit, so a huge
 * body is never buffered (hono/body-limit).
 */
export function limitRequestBodies(maxBytes: number) {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('body_too_large', 413, `The request body is larger than ${maxBytes} bytes`);
    },
  });
  return createMiddleware<AppEnv>(async function limitRequestBodies(c, next) {
    if (ownLimit.test(c.req.path)) return next();
    return limit(c, next);
  });
}
