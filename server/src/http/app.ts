import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { authRoutes } from './auth.ts';
import type { AppEnv, HttpDeps } from './context.ts';
import { loadSession, provideDeps, requireSameOrigin } from './middleware.ts';
import { onError } from './onerror.ts';
import { meRoutes, userRoutes } from './users.ts';
import { documentRoutes, workshopRoutes } from './workshops.ts';

/** The HTTP API. Tests call `createApp(deps).request(...)` without a port. */
export function createApp(deps: HttpDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use(provideDeps(deps));

  app.get('/healthz', async (c) => {
    try {
      await deps.store.ping();
    } catch (error) {
      deps.logger.error({ err: error }, 'health check: store not answering');
      return c.json({ ok: false, store: 'down' }, 503);
    }
    return c.json({ ok: true, store: deps.store.kind });
  });

  const api = new Hono<AppEnv>();
  api.use(requireSameOrigin(), loadSession());
  api.route('/auth', authRoutes);
  api.route('/me', meRoutes);
  api.route('/users', userRoutes);
  api.route('/workshops', workshopRoutes);
  api.route('/documents', documentRoutes);
  api.all('*', () => {
    throw errors.notFound('API route');
  });
  app.route('/api', api);
  return app;
}
