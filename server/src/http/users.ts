import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { createUser } from '../commands/accounts.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { presentUser, presentWorkshop } from './present.ts';
import { createUserBody } from './schema.ts';
import { jsonBody } from './validate.ts';

export const meRoutes = new Hono<AppEnv>().get('/', requireUser(), async (c) => {
  const { user } = c.var.auth!;
  const workshops = await c.var.deps.store.workshops.listForUser(user.id);
  return c.json({ user: presentUser(user), workshops: workshops.map((w) => presentWorkshop(w, w.role)) });
});

export const userRoutes = new Hono<AppEnv>().post('/', requireUser(), async (c) => {
  if (!c.var.auth!.user.isAdmin) throw errors.forbidden();
  const body = await jsonBody(c, createUserBody);
  const user = await createUser(c.var.deps.store, body);
  return c.json({ id: user.id }, 201);
});
