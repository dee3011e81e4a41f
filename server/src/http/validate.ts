import type { Context } from 'hono';
import type { z } from 'zod';
import { errors } from '../errors.ts';

/** Parse the JSON body against `schema`; anything else is a 400 naming the fields at fault. */
export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw errors.invalidInput([{ path: '', message: 'Body must be JSON' }]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    throw errors.invalidInput(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
  }
  return parsed.data;
}
