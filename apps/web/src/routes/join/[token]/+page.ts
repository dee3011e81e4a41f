import { ApiError, createApi } from '#lib/api.ts';
import { joinFailure } from '#lib/join.ts';
import type { PageLoad } from './$types';

// Reached by anyone holding a link, signed in or not: no sign-in guard here.
export const load: PageLoad = async ({ params, fetch, parent }) => {
  await parent();
  try {
    const invite = await createApi(fetch).inviteInfo(params.token);
    return { token: params.token, invite, failure: null };
  } catch (cause) {
    if (!(cause instanceof ApiError)) throw cause;
    return {
      token: params.token,
      invite: null,
      failure: { kind: joinFailure(cause), status: cause.status, code: cause.code, message: cause.message },
    };
  }
};
