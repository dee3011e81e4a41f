import type { WorkshopRole } from '../storage/ports.ts';

/** What a member can do in a workshop. Every check in the server goes through `can`. */
export const workshopActions = [
  'view',
  'manageWorkshop',
  'editDocuments',
  'createDocuments',
  'manageMembers',
  'manageInvites',
  'takeSnapshots',
  'downloadReports',
  'readAudit',
  'lockSections',
  'purgeContent',
  'restoreVersions',
] as const;
export type WorkshopAction = (typeof workshopActions)[number];

/**
 * The facilitator runs the workshop; participants edit; observers (managers) read, take
 * snapshots and download reports, but change nothing in the documents.
 */
const allowed: Record<WorkshopRole, readonly WorkshopAction[]> = {
  facilitator: workshopActions,
  participant: ['view', 'editDocuments', 'downloadReports'],
  observer: ['view', 'takeSnapshots', 'downloadReports'],
};

/** `role` is the caller's role in the workshop, undefined when they are not a member (another organisation's workshop included). */
export function can(role: WorkshopRole | undefined, action: WorkshopAction): boolean {
  return role !== undefined && allowed[role].includes(action);
}
