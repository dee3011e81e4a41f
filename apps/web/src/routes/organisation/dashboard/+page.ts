import { error } from '@sveltejs/kit';
import { loadFromApi } from '#lib/route-guards.ts';
import { session } from '#lib/state/session.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  return loadFromApi(event, async (api) => {
    const user = session.user;
    if (!user) error(403, 'Forbidden', { code: 'forbidden' });
    const { workshops } = await api.dashboard(user.organisationId);
    return { workshops };
  });
};
