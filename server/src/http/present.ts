import type { AuditEvent, DocumentRecord, Invite, Member, Organisation, User, Workshop, WorkshopRole } from '../storage/ports.ts';
import { inviteStatus } from '../commands/invites.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** What the API shows of each record: never password hashes, session ids or token hashes. */
export function presentUser(user: User) {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    isAdmin: user.isAdmin,
    organisationId: user.organisationId,
    organisationRole: user.organisationRole,
    guest: user.organisationRole === 'guest',
  };
}

export function presentOrganisation(organisation: Organisation) {
  return { id: organisation.id, name: organisation.name, createdAt: iso(organisation.createdAt) };
}

export function presentWorkshop(workshop: Workshop, role: WorkshopRole) {
  return {
    id: workshop.id,
    title: workshop.title,
    role,
    createdAt: iso(workshop.createdAt),
    retentionDays: workshop.retentionDays,
    erasedAt: workshop.erasedAt === null ? null : iso(workshop.erasedAt),
  };
}

/**
 * A guest came in through a link shown to a room and is not staff: they see who is in the
 * workshop by name, but not staff email addresses (only their own).
 */
export function presentMember(member: Member, viewer: User) {
  const maySeeEmail = viewer.organisationRole !== 'guest' || member.userId === viewer.id;
  return { userId: member.userId, name: member.name, email: maySeeEmail ? member.email : null, role: member.role, guest: member.guest };
}

export function presentDocument(document: DocumentRecord) {
  return {
    id: document.id,
    workshopId: document.workshopId,
    type: document.type,
    title: document.title,
    createdAt: iso(document.createdAt),
  };
}

export function presentInvite(invite: Invite) {
  return {
    id: invite.id,
    role: invite.role,
    expiresAt: iso(invite.expiresAt),
    maxUses: invite.maxUses,
    uses: invite.uses,
    revokedAt: invite.revokedAt === null ? null : iso(invite.revokedAt),
    createdAt: iso(invite.createdAt),
    status: inviteStatus(invite),
  };
}

export function presentAuditEvent(event: AuditEvent) {
  return {
    id: event.id,
    at: iso(event.at),
    actor: event.actorLabel,
    actorId: event.actorId,
    action: event.action,
    workshopId: event.workshopId,
    target: event.target,
    details: event.details,
    address: event.address,
  };
}
