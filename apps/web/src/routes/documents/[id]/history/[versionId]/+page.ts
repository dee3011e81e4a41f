import { ApiError } from '#lib/api.ts';
import { fetchVersionState } from '#lib/reports/history-api.ts';
import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async (event) => {
  const { id, versionId } = event.params;
  return loadFromApi(event, async (api) => {
    const [document, versions, state] = await Promise.all([
      api.document(id),
      api.documentVersions(id),
      fetchVersionState(event.fetch, id, versionId),
    ]);
    const version = versions.find((v) => v.id === versionId);
    if (!version) throw new ApiError(404, 'not_found', 'Version not found');
    const workshop = await api.workshop(document.workshopId).catch(() => null);
    return { document, workshop, version, state };
  });
};
