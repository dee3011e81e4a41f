import { session } from '#lib/state/session.svelte.ts';
import type { LayoutLoad } from './$types';

// A client-side app: the Hono server serves build/index.html for every page path.
export const ssr = false;
export const prerender = false;

export const load: LayoutLoad = async ({ fetch }) => {
  await session.ensureLoaded(fetch);
};
