import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  return { me: await loadFromApi(event, (api) => api.me()) };
};
