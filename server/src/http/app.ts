import { Hono } from 'hono';
import { errors } from '../errors.ts';
import { authRoutes } from './auth.ts';
import type { AppEnv, HttpDeps } from './context.ts';
import { loadSession, provideDeps, requireSameOrigin } from './middleware.ts';
import { onError } from './onerror.ts';
import { limitRequestBodies } from './body-limit.ts';
import { requireMetricsAccess } from './metrics-access.ts';
import { securityHeaders, webAppScriptHashes } from './security-headers.ts';
import { meRoutes, userRoutes } from './users.ts';
import { organisationRoutes } from './organisations.ts';
import { inviteRoutes } from './invites.ts';
import { documentRoutes, workshopRoutes } from './workshops.ts';
import { documentHistoryRoutes } from './history.ts';
import { snapshotRoutes, workshopSnapshotRoutes } from './snapshots.ts';
import { progressRoutes } from './progress.ts';

/** The HTTP API. Tests call `createApp(deps).request(...)` without a port. */
export function createApp(deps: HttpDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.onError(onError);
  app.use(securityHeaders({ scriptHashes: webAppScriptHashes(deps.env.webBuildDir), https: deps.env.secureCookies }));
  app.use(limitRequestBodies(deps.env.httpMaxBodyBytes));
  app.use(provideDeps(deps));

  app.get('/healthz', async (c) => {
    const [store, fanout] = await Promise.allSettled([deps.store.ping(), deps.fanout.ping()]);
    const body = {
      ok: store.status === 'fulfilled' && fanout.status === 'fulfilled',
      store: store.status === 'fulfilled' ? deps.store.kind : 'down',
      fanout: fanout.status === 'fulfilled' ? deps.fanout.kind : 'down',
      // Opened, but without stored parts that could not be applied: an operator should look (the log names them).
      quarantinedDocuments: deps.syncHealth?.quarantinedDocuments ?? 0,
    };
    if (!body.ok) deps.logger.error(body, 'health check failed');
    return c.json(body, body.ok ? 200 : 503);
  });

  app.get('/metrics', requireMetricsAccess(deps.env.metricsToken), async (c) => {
    c.header('Content-Type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  const api = new Hono<AppEnv>();
  api.use(requireSameOrigin(), loadSession());
  api.route('/', progressRoutes);
  api.route('/auth', authRoutes);
  api.route('/me', meRoutes);
  api.route('/users', userRoutes);
  api.route('/organisations', organisationRoutes);
  api.route('/workshops', workshopRoutes);
  api.route('/workshops', workshopSnapshotRoutes);
  api.route('/snapshots', snapshotRoutes);
  api.route('/invites', inviteRoutes);
  api.route('/documents', documentRoutes);
  api.route('/documents', documentHistoryRoutes);
  api.all('*', () => {
    throw errors.notFound('API route');
  });
  app.route('/api', api);
  return app;
}
