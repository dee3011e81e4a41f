import { Hono } from 'hono';
import { organisationDashboard, workshopProgress } from '../commands/progress.ts';
import type { AppEnv } from './context.ts';
import { requireUser } from './middleware.ts';
import { parseId } from './workshops.ts';

/**
 * The manager's read-only views over snapshots: a workshop's progress matrix and the
 * organisation dashboard. Mounted at /api beside the workshop and organisation routes.
 */
export const progressRoutes = new Hono<AppEnv>()
  .use('/workshops/:id/progress', requireUser())
  .use('/organisations/:id/dashboard', requireUser())
  .get('/workshops/:id/progress', async (c) => {
    const workshopId = parseId(c.req.param('id'), 'Workshop');
    return c.json(await workshopProgress(c.var.deps.store, c.var.auth!.user, workshopId));
  })
  .get('/organisations/:id/dashboard', async (c) => {
    const organisationId = parseId(c.req.param('id'), 'Organisation');
    return c.json(await organisationDashboard(c.var.deps.store, c.var.auth!.user, organisationId));
  });
