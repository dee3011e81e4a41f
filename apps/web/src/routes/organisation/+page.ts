import { error } from '@sveltejs/kit';
import { auditPageSize } from '#lib/api.ts';
import { loadFromApi } from '#lib/route-guards.ts';
import { session } from '#lib/state/session.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  event.depends('app:organisation');
  return loadFromApi(event, async (api) => {
    // Organisation admins and system admins only; the API refuses everyone else too.
    const user = session.user;
    if (!user || !session.canManageUsers) error(403, 'Forbidden', { code: 'forbidden' });
    const organisations = await api.organisations();
    // A system admin picks the organisation (?organisation=id); an organisation admin has their own.
    const wanted = event.url.searchParams.get('organisation');
    const selected = organisations.find((o) => o.id === wanted) ?? organisations.find((o) => o.id === user.organisationId) ?? organisations[0];
    if (!selected) error(404, 'Not found', { code: 'not_found' });
    const [users, audit] = await Promise.all([
      api.organisationUsers(selected.id),
      api.organisationAudit(selected.id, { limit: auditPageSize }),
    ]);
    return { organisations, selected, users, audit, systemAdmin: user.isAdmin };
  });
};
