import type { Fanout } from '../fanout/ports.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../storage/ports.ts';
import { audit } from './audit.ts';

/**
 * Each workshop may have a retention period; when it has run out, the workshop's documents
 * (their whole update history included) and invitations are erased. The workshop, its members
 * and its audit log stay, so the erasure itself stays accountable.
 */
export async function eraseExpiredWorkshops(store: Store, fanout: Fanout, logger: Logger, now = Date.now()): Promise<number> {
  const due = await store.workshops.pastRetention(now);
  for (const workshop of due) {
    const documents = await store.workshops.eraseContent(workshop.id, now);
    fanout.publishControl({ type: 'workshop-erased', workshopId: workshop.id });
    await audit(store, logger, { user: null, address: null, label: 'system' }, 'workshop-content-erased', {
      organisationId: workshop.organisationId,
      workshopId: workshop.id,
      target: workshop.id,
      details: { documents: documents.length, retentionDays: workshop.retentionDays },
    });
    logger.info({ workshopId: workshop.id, documents: documents.length }, 'retention period over: erased workshop content');
  }
  return due.length;
}

/** Run the erasure now and then every `intervalMs`; returns a stop function. */
export function scheduleRetention(store: Store, fanout: Fanout, logger: Logger, intervalMs = 60 * 60 * 1000): () => void {
  const run = () => void eraseExpiredWorkshops(store, fanout, logger).catch((error: unknown) => logger.error({ err: error }, 'retention run failed'));
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
