import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  return loadFromApi(event, async (api) => {
    const [document, versions] = await Promise.all([api.document(event.params.id), api.documentVersions(event.params.id)]);
    const workshop = await api.workshop(document.workshopId).catch(() => null);
    const newestFirst = [...versions].sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime());
    return { document, workshop, versions: newestFirst };
  });
};
