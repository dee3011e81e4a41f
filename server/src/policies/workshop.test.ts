import { describe, expect, it } from 'vitest';
import { can, workshopActions, type WorkshopAction } from './workshop.ts';
import { canCreateWorkshops, canManageOrganisations, canManageUsers } from './organisation.ts';
import type { User, WorkshopRole } from '../storage/ports.ts';

/**
 * Every role × every action, in the caller's own workshop and in another one (where the caller
 * has no role: another organisation's workshop looks exactly like one they are not in).
 */
const own: Record<WorkshopRole, Record<WorkshopAction, boolean>> = {
  facilitator: {
    view: true, manageWorkshop: true, editDocuments: true, createDocuments: true, manageMembers: true, manageInvites: true,
    takeSnapshots: true, downloadReports: true, readAudit: true, lockSections: true, purgeContent: true, restoreVersions: true,
  },
  participant: {
    view: true, manageWorkshop: false, editDocuments: true, createDocuments: false, manageMembers: false, manageInvites: false,
    takeSnapshots: false, downloadReports: true, readAudit: false, lockSections: false, purgeContent: false, restoreVersions: false,
  },
  observer: {
    view: true, manageWorkshop: false, editDocuments: false, createDocuments: false, manageMembers: false, manageInvites: false,
    takeSnapshots: true, downloadReports: true, readAudit: false, lockSections: false, purgeContent: false, restoreVersions: false,
  },
};

describe('workshop policy matrix', () => {
  for (const [role, actions] of Object.entries(own) as [WorkshopRole, Record<WorkshopAction, boolean>][]) {
    for (const action of workshopActions) {
      it(`${role} ${actions[action] ? 'may' : 'may not'} ${action} in their own workshop`, () => {
        expect(can(role, action)).toBe(actions[action]);
      });
      it(`${role} of one workshop may not ${action} in another`, () => {
        expect(can(undefined, action)).toBe(false);
      });
    }
  }
});

const user = (overrides: Partial<User>): User => ({
  id: 'u', organisationId: 'org-a', email: 'x@example.com', name: 'X', isAdmin: false,
  organisationRole: 'member', guestWorkshopId: null, guestInviteId: null, createdAt: 0, ...overrides,
});

describe('organisation policy', () => {
  it('lets organisation admins manage their own organisation’s users only', () => {
    expect(canManageUsers(user({ organisationRole: 'admin' }), 'org-a')).toBe(true);
    expect(canManageUsers(user({ organisationRole: 'admin' }), 'org-b')).toBe(false);
    expect(canManageUsers(user({ organisationRole: 'member' }), 'org-a')).toBe(false);
    expect(canManageUsers(user({ isAdmin: true }), 'org-b')).toBe(true);
  });
  it('lets only system admins manage organisations, and not guests create workshops', () => {
    expect(canManageOrganisations(user({ isAdmin: true }))).toBe(true);
    expect(canManageOrganisations(user({ organisationRole: 'admin' }))).toBe(false);
    expect(canCreateWorkshops(user({ organisationRole: 'guest' }))).toBe(false);
    expect(canCreateWorkshops(user({}))).toBe(true);
  });
});
