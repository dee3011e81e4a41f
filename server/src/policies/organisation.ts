import type { User } from '../storage/ports.ts';

/** A system admin manages organisations; they do not see organisations' content unless invited. */
export function canManageOrganisations(user: User): boolean {
  return user.isAdmin;
}

/** An organisation's admins manage its users; a system admin may too (to set up a new organisation). */
export function canManageUsers(user: User, organisationId: string): boolean {
  return user.isAdmin || (user.organisationRole === 'admin' && user.organisationId === organisationId);
}

/** Audit logs of an organisation: its admins (and system admins). */
export function canReadOrganisationAudit(user: User, organisationId: string): boolean {
  return canManageUsers(user, organisationId);
}

/** Guests exist for one workshop; everyone else of an organisation may start workshops. */
export function canCreateWorkshops(user: User): boolean {
  return user.organisationRole !== 'guest';
}
