import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  event.depends('app:documents');
  const id = event.params.id;
  const [workshop, documents] = await loadFromApi(event, (api) => Promise.all([api.workshop(id), api.documents(id)]));
  return { workshop, documents };
};
