import { errors } from '../errors.ts';
import { canManageUsers } from '../policies/organisation.ts';
import type { Store, User } from '../storage/ports.ts';

/** Everything the service holds about a user, for a GDPR access request (Article 15). */
export async function exportPersonalData(store: Store, user: User) {
  const [organisation, workshops, sessions, events] = await Promise.all([
    store.organisations.get(user.organisationId),
    store.workshops.listForUser(user.id),
    store.sessions.listForUser(user.id),
    store.audit.list({ actorId: user.id, limit: 10_000 }),
  ]);
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    exportedAt: iso(Date.now()),
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      organisation: organisation?.name ?? null,
      organisationRole: user.organisationRole,
      createdAt: iso(user.createdAt),
    },
    workshops: workshops.map((w) => ({ id: w.id, title: w.title, role: w.role })),
    sessions: sessions.map((s) => ({ createdAt: iso(s.createdAt), expiresAt: iso(Math.min(s.expiresAt, s.absoluteExpiresAt)) })),
    activity: events.map((e) => ({ at: iso(e.at), action: e.action, workshopId: e.workshopId, target: e.target, address: e.address })),
  };
}

/** Strings that identify the user inside documents: their name and email, if long enough to purge safely. */
export function identifyingStrings(user: User): string[] {
  return [user.name, user.email].filter((value): value is string => typeof value === 'string' && value.trim().length >= 4);
}

/**
 * GDPR erasure (Article 17): the user's name and email are purged from every document of the
 * workshops they belong to, history included; the audit log keeps the events but not who; the
 * account, its sessions and memberships are deleted. Returns the sessions ended.
 */
export async function eraseUser(
  store: Store,
  actor: User,
  userId: string,
  purgeDocument: (documentId: string, text: string) => Promise<number>,
): Promise<{ erased: User; endedSessions: string[]; purged: number }> {
  const target = await store.users.byId(userId);
  const self = target?.id === actor.id;
  if (!target || !(self || canManageUsers(actor, target.organisationId))) throw errors.notFound('User');
  if (target.isAdmin && !self && !actor.isAdmin) throw errors.forbidden();
  let purged = 0;
  for (const workshop of await store.workshops.listForUser(target.id)) {
    for (const document of await store.documents.listForWorkshop(workshop.id)) {
      for (const text of identifyingStrings(target)) purged += await purgeDocument(document.id, text);
    }
  }
  const endedSessions = await store.sessions.deleteForUser(target.id);
  await store.audit.anonymise(target.id, 'erased user', identifyingStrings(target));
  await store.snapshots.anonymiseUser(target.id, 'erased user');
  await store.users.delete(target.id);
  return { erased: target, endedSessions, purged };
}
