import { auditPageSize } from '#lib/api.ts';
import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  event.depends('app:people');
  const id = event.params.id;
  return loadFromApi(event, async (api) => {
    const [workshop, members] = await Promise.all([api.workshop(id), api.members(id)]);
    if (workshop.role !== 'facilitator') return { workshop, members, manage: null };
    // Only facilitators manage links and settings and read the audit log.
    const [invites, audit, documents] = await Promise.all([
      api.invites(id),
      api.workshopAudit(id, { limit: auditPageSize }),
      api.documents(id),
    ]);
    return { workshop, members, manage: { invites, audit, documents } };
  });
};
