import { z } from 'zod';
import { documentTypes } from '@yhteispaja/model';

const email = z.string().trim().toLowerCase().email().max(254);
const title = z.string().trim().min(1).max(200);

export const loginBody = z.object({ email, password: z.string().min(1).max(1024) });
export const createUserBody = z.object({ email, name: z.string().trim().min(1).max(120), password: z.string().max(1024) });
export const createWorkshopBody = z.object({ title });
export const createDocumentBody = z.object({
  type: z.enum(documentTypes),
  title,
  template: z.string().min(1).max(100).optional(),
  locale: z.enum(['fi', 'sv', 'en']).default('fi'),
});
export const idParam = z.string().uuid();
export const addMemberBody = z.object({ email, role: z.enum(['facilitator', 'participant', 'observer']) });
