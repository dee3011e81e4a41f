import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  event.depends('app:versions');
  const id = event.params.id;
  return loadFromApi(event, async (api) => {
    const [workshop, snapshots, progress] = await Promise.all([api.workshop(id), api.snapshots(id), api.progress(id)]);
    // Newest first on the page.
    return { workshop, snapshots: [...snapshots].sort((a, b) => b.version - a.version), progress };
  });
};
