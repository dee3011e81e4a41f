import { describe, expect, it } from 'vitest';
import { can, workshopActions, type WorkshopAction } from './workshop.ts';
import type { WorkshopRole } from '../storage/ports.ts';

const expected: Record<WorkshopRole | 'non-member', Record<WorkshopAction, boolean>> = {
  facilitator: { view: true, editDocuments: true, createDocuments: true, manageMembers: true },
  participant: { view: true, editDocuments: true, createDocuments: false, manageMembers: false },
  observer: { view: true, editDocuments: false, createDocuments: false, manageMembers: false },
  'non-member': { view: false, editDocuments: false, createDocuments: false, manageMembers: false },
};

describe('workshop policy', () => {
  for (const [role, actions] of Object.entries(expected)) {
    for (const action of workshopActions) {
      it(`${role} ${actions[action] ? 'may' : 'may not'} ${action}`, () => {
        const asRole = role === 'non-member' ? undefined : (role as WorkshopRole);
        expect(can(asRole, action)).toBe(actions[action]);
      });
    }
  }
});
