import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const workshop = await loadFromApi(event, (api) => api.workshop(event.params.id));
  return { workshop };
};
