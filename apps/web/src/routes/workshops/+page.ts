import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  event.depends('app:workshops');
  return { workshops: await loadFromApi(event, (api) => api.workshops()) };
};
