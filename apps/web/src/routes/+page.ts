import { redirect } from '@sveltejs/kit';
import { safeNext } from '#lib/route-guards.ts';
import { session } from '#lib/state/session.svelte.ts';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ url, parent }) => {
  await parent();
  if (session.user) redirect(307, safeNext(url.searchParams.get('next')) ?? '/workshops');
  return { next: safeNext(url.searchParams.get('next')) };
};
