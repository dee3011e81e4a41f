import { ApiError } from './api.ts';

/** Why an invitation link cannot be used, as the join page explains it. */
export type JoinFailure = 'expired' | 'revoked' | 'used_up' | 'not_found' | 'other';

export function joinFailure(error: unknown): JoinFailure {
  if (!(error instanceof ApiError)) return 'other';
  if (error.code === 'invite_expired') return 'expired';
  if (error.code === 'invite_revoked') return 'revoked';
  if (error.code === 'invite_used_up') return 'used_up';
  if (error.status === 404) return 'not_found';
  return 'other';
}
