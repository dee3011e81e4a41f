import type { Logger } from '../logger.ts';
import type { Store, User } from '../storage/ports.ts';

/** Who did something, from where: every command that changes rights or reads reports takes one. */
export interface Actor {
  user: User | null;
  /** For actions nobody signed in did: 'system' for scheduled jobs; otherwise 'anonymous'. */
  label?: 'system' | 'anonymous';
  /** The client's address, as the HTTP layer saw it. */
  address: string | null;
}

export function actorLabel(user: User | null): string {
  if (!user) return 'anonymous';
  return user.email ?? `${user.name} (guest)`;
}

/**
 * Record one audit event. A failure to write the audit log is logged, not thrown: the action
 * itself has already happened and must not be reported as failed.
 */
export async function audit(
  store: Store,
  logger: Logger,
  actor: Actor,
  action: string,
  scope: { organisationId?: string | null; workshopId?: string | null; target?: string | null; details?: Record<string, unknown> } = {},
): Promise<void> {
  try {
    await store.audit.record({
      organisationId: scope.organisationId ?? actor.user?.organisationId ?? null,
      workshopId: scope.workshopId ?? null,
      actorId: actor.user?.id ?? null,
      actorLabel: actor.user ? actorLabel(actor.user) : (actor.label ?? 'anonymous'),
      action,
      target: scope.target ?? null,
      details: scope.details ?? {},
      address: actor.address,
    });
  } catch (error) {
    logger.error({ err: error, action }, 'could not write the audit log');
  }
}
