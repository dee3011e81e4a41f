import { z } from 'zod';
import { documentTypes } from '@yhteispaja/model';

const email = z.string().trim().toLowerCase().email().max(254);
const title = z.string().trim().min(1).max(200);
const name = z.string().trim().min(1).max(120);
const role = z.enum(['facilitator', 'participant', 'observer']);

export const loginBody = z.object({ email, password: z.string().min(1).max(1024) });
export const changePasswordBody = z.object({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().max(1024) });
export const createUserBody = z.object({
  email,
  name,
  password: z.string().max(1024),
  organisationId: z.string().uuid().optional(),
  organisationRole: z.enum(['admin', 'member']).default('member'),
});
export const createOrganisationBody = z.object({ name });
export const createWorkshopBody = z.object({ title, retentionDays: z.number().int().min(1).max(3650).optional() });
export const createDocumentBody = z.object({
  type: z.enum(documentTypes),
  title,
  template: z.string().min(1).max(100).optional(),
  locale: z.enum(['fi', 'sv', 'en']).default('fi'),
});
export const updateWorkshopBody = z
  .object({ title: title.optional(), retentionDays: z.number().int().min(1).max(3650).nullable().optional() })
  .refine((body) => body.title !== undefined || body.retentionDays !== undefined, 'Nothing to change');
export const addMemberBody = z.object({ email, role });
export const changeRoleBody = z.object({ role });
export const createInviteBody = z.object({
  role: role.default('participant'),
  expiresInHours: z.number().int().min(1).max(24 * 30).default(24),
  maxUses: z.number().int().min(1).max(500).default(50),
});
export const acceptInviteBody = z.object({ displayName: name });
export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});
/** Text to purge: long enough that it cannot wipe ordinary words by accident. */
export const purgeBody = z.object({ text: z.string().min(4).max(1000) });
export const idParam = z.string().uuid();
export const traceQuery = z.object({ documentId: z.string().uuid(), itemId: z.string().regex(/^[0-9a-z]{6,40}$/) });
export const inviteToken = z.string().regex(/^[a-z2-7]{32}$/);
