import { error } from '@sveltejs/kit';
import { loadFromApi } from '#lib/route-guards.ts';
import type { PageLoad } from './$types';

const version = (value: string | null) => (value !== null && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : null);

export const load: PageLoad = async (event) => {
  const id = event.params.id;
  const to = version(event.url.searchParams.get('to'));
  const from = version(event.url.searchParams.get('from'));
  if (to === null) error(400, 'Bad request', { code: 'invalid_input' });
  return loadFromApi(event, async (api) => {
    const [workshop, snapshots, changes] = await Promise.all([api.workshop(id), api.snapshots(id), api.changes(id, from, to)]);
    return { workshop, snapshots, changes };
  });
};
