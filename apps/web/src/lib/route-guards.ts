import { error, redirect } from '@sveltejs/kit';
import { ApiError, createApi, type Api } from './api.ts';
import { session } from './state/session.svelte.ts';

/** The sign-in page, coming back to `url` afterwards. */
export function signInUrl(url: { pathname: string; search: string }): string {
  const next = url.pathname + url.search;
  return next === '/' ? '/' : `/?next=${encodeURIComponent(next)}`;
}

/** Only same-app paths are followed after sign-in (no `//host` or absolute URLs). */
export function safeNext(value: string | null): string | null {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : null;
}

/** In a page's `load`: send signed-out visitors to the sign-in page. */
export async function requireSignedIn(url: URL, fetchImpl: typeof fetch): Promise<void> {
  await session.ensureLoaded(fetchImpl);
  if (!session.user) redirect(307, signInUrl(url));
}

/**
 * Run the API calls of a `load`: a 401 sends the visitor to sign in, other failures become
 * the route's error page (with the API's code, so it can be worded in the user's language).
 */
export async function loadFromApi<T>(
  event: { url: URL; fetch: typeof fetch },
  fetchData: (api: Api) => Promise<T>,
): Promise<T> {
  const { url } = event;
  await requireSignedIn(url, event.fetch);
  try {
    return await fetchData(createApi(event.fetch));
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    if (cause.status === 401) {
      session.expire();
      redirect(307, signInUrl(url));
    }
    error(cause.status >= 400 && cause.status <= 599 ? cause.status : 503, cause.message, { code: cause.code });
  }
}
