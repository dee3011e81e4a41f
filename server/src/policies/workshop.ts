import type { WorkshopRole } from '../storage/ports.ts';

/** What a member can do in a workshop. Every check in the server goes through `can`. */
export const workshopActions = [
  'view',
  'editDocuments',
  'createDocuments',
  'manageMembers',
] as const;
export type WorkshopAction = (typeof workshopActions)[number];

const allowed: Record<WorkshopRole, readonly WorkshopAction[]> = {
  facilitator: ['view', 'editDocuments', 'createDocuments', 'manageMembers'],
  participant: ['view', 'editDocuments'],
  observer: ['view'],
};

/** `role` is the caller's role in the workshop, undefined when they are not a member. */
export function can(role: WorkshopRole | undefined, action: WorkshopAction): boolean {
  return role !== undefined && allowed[role].includes(action);
}
