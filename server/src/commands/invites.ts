import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { errors } from '../errors.ts';
import type { Invite, Store, User, Workshop, WorkshopRole } from '../storage/ports.ts';
import { requireWorkshopRole } from './workshops.ts';

/** Invitation links carry a random token; the store keeps only its SHA-256, like session tokens. */
function newInviteToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function inviteTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export type InviteStatus = 'active' | 'expired' | 'revoked' | 'used_up';

export function inviteStatus(invite: Invite, now = Date.now()): InviteStatus {
  if (invite.revokedAt !== null) return 'revoked';
  if (invite.uses >= invite.maxUses) return 'used_up';
  if (now >= invite.expiresAt) return 'expired';
  return 'active';
}

export function inviteUrl(publicOrigin: string, token: string): string {
  return `${publicOrigin}/join/${token}`;
}

export async function createInvite(
  store: Store,
  user: User,
  workshopId: string,
  input: { role: WorkshopRole; expiresInHours: number; maxUses: number },
): Promise<{ invite: Invite; token: string; workshop: Workshop }> {
  const { workshop } = await requireWorkshopRole(store, workshopId, user, 'manageInvites');
  if (input.role === 'facilitator') {
    throw errors.unprocessable('invite_role_not_allowed', 'Links can invite participants and observers; add facilitators by email');
  }
  const token = newInviteToken();
  const invite = await store.invites.create({
    workshopId,
    tokenHash: inviteTokenHash(token),
    role: input.role,
    expiresAt: Date.now() + input.expiresInHours * 60 * 60 * 1000,
    maxUses: input.maxUses,
    createdBy: user.id,
  });
  return { invite, token, workshop };
}

/**
 * Withdraw a link: nobody can join with it any more. With `removeGuests`, the guests who came in
 * by it also lose the workshop (their memberships and sessions end); returns who was removed.
 */
export async function revokeInvite(
  store: Store,
  user: User,
  workshopId: string,
  inviteId: string,
  options: { removeGuests: boolean },
): Promise<{ removedGuests: User[]; endedSessions: string[] }> {
  await requireWorkshopRole(store, workshopId, user, 'manageInvites');
  const invite = await store.invites.get(inviteId);
  if (!invite || invite.workshopId !== workshopId) throw errors.notFound('Invitation');
  await store.invites.revoke(invite.id, Date.now());
  if (!options.removeGuests) return { removedGuests: [], endedSessions: [] };
  const removedGuests = await store.users.guestsOfInvite(invite.id);
  const endedSessions: string[] = [];
  for (const guest of removedGuests) {
    await store.workshops.removeMember(workshopId, guest.id);
    endedSessions.push(...(await store.sessions.deleteForUser(guest.id)));
  }
  return { removedGuests, endedSessions };
}

/** The invite behind a link, with why it cannot be used if it cannot. Unknown tokens are 404. */
export async function findInvite(store: Store, token: string): Promise<{ invite: Invite; workshop: Workshop; status: InviteStatus }> {
  const invite = await store.invites.byTokenHash(inviteTokenHash(token));
  const workshop = invite ? await store.workshops.get(invite.workshopId) : undefined;
  if (!invite || !workshop) throw errors.notFound('Invitation');
  return { invite, workshop, status: inviteStatus(invite) };
}

export function unusableInvite(status: Exclude<InviteStatus, 'active'>) {
  const messages = {
    expired: 'This invitation link has expired; ask the facilitator for a new one',
    revoked: 'This invitation link was withdrawn by the facilitator',
    used_up: 'This invitation link has been used as many times as it allows',
  } as const;
  return errors.gone(`invite_${status}`, messages[status]);
}

/**
 * Accept an invitation: a guest account limited to the workshop, with only a display name. The
 * use is counted atomically first, so the last use cannot be taken twice.
 */
export async function acceptInvite(store: Store, token: string, displayName: string): Promise<{ guest: User; workshop: Workshop; invite: Invite }> {
  const { invite, workshop, status } = await findInvite(store, token);
  if (status !== 'active') throw unusableInvite(status);
  if (!(await store.invites.use(invite.id, Date.now()))) {
    const fresh = (await store.invites.get(invite.id)) ?? invite;
    const now = inviteStatus(fresh);
    throw unusableInvite(now === 'active' ? 'used_up' : now);
  }
  const guest = await store.users.create({
    organisationId: workshop.organisationId,
    email: null,
    name: displayName,
    passwordHash: null,
    organisationRole: 'guest',
    guestWorkshopId: workshop.id,
    guestInviteId: invite.id,
  });
  await store.workshops.setMember(workshop.id, guest.id, invite.role);
  return { guest, workshop, invite };
}
