import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  return loadFromApi(event, async (api) => {
    const document = await api.document(event.params.id);
    // Only for the breadcrumb: the editor works without it.
    const workshop = await api.workshop(document.workshopId).catch(() => null);
    return { document, workshop };
  });
};
