import { ApiClient } from './server.ts';
import type { WorkshopRole } from '../storage/ports.ts';

/** An admin creates a user, adds them to a workshop with `role`, and they sign in. */
export async function memberClient(admin: ApiClient, workshopId: string, name: string, role: WorkshopRole): Promise<ApiClient & { userId: string }> {
  const email = `${name.toLowerCase().replace(/[^a-z]/g, '')}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const password = 'a-long-password-for-tests';
  const { id } = await admin.json('POST', '/api/users', { email, name, password });
  await admin.json('POST', `/api/workshops/${workshopId}/members`, { email, role });
  const client = await new ApiClient(admin.origin).login({ email, password });
  return Object.assign(client, { userId: id as string });
}
