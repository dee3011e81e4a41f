import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError } from '../errors.ts';
import type { AppEnv } from './context.ts';

/** The one place errors become HTTP responses: `{"error":{code,message}}`, internals never shown. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof AppError) {
    for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
    const body: { code: string; message: string; details?: unknown } = { code: error.code, message: error.message };
    if (error.details !== undefined) body.details = error.details;
    return c.json({ error: body }, error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ error: { code: 'http_error', message: error.message || 'Bad request' } }, error.status);
  }
  c.var.deps?.logger.error({ err: error, path: c.req.path }, 'unhandled error');
  return c.json({ error: { code: 'internal', message: 'Something went wrong on our side' } }, 500);
};
