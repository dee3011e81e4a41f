import { randomBytes } from 'node:crypto';
import { errors } from '../errors.ts';
import { hashPassword, minimumPasswordLength } from '../auth/password.ts';
import type { Logger } from '../logger.ts';
import type { Store, User } from '../storage/ports.ts';
import { createDemo } from './demo.ts';

export async function createUser(
  store: Store,
  input: { email: string; name: string; password: string; isAdmin?: boolean },
): Promise<User> {
  if (input.password.length < minimumPasswordLength) {
    throw errors.unprocessable('weak_password', `The password must have at least ${minimumPasswordLength} characters`);
  }
  if (await store.users.byEmail(input.email)) {
    throw errors.conflict('email_taken', 'A user with that email already exists');
  }
  const passwordHash = await hashPassword(input.password);
  return store.users.create({ email: input.email, name: input.name, passwordHash, isAdmin: input.isAdmin ?? false });
}

/**
 * On first start with an empty store, create the first admin from ADMIN_EMAIL/ADMIN_PASSWORD,
 * or with a generated password that is printed once (it is not stored anywhere in clear).
 */
export async function bootstrapAdmin(
  store: Store,
  options: { email: string | undefined; password: string | undefined; demo: boolean },
  logger: Logger,
): Promise<void> {
  if ((await store.users.count()) > 0) return;
  const email = options.email ?? 'admin@localhost';
  const password = options.password ?? randomBytes(15).toString('base64url');
  let admin: User;
  try {
    admin = await createUser(store, { email, name: 'Admin', password, isAdmin: true });
  } catch (error) {
    // Several instances starting at once on one empty database: one of them wins.
    if ((await store.users.count()) > 0) return;
    throw error;
  }
  if (options.demo) await createDemo(store, admin, logger);
  if (options.password) {
    logger.info({ email }, 'created the first admin');
  } else {
    // Printed on its own line so an operator sees it among JSON logs.
    process.stdout.write(`\nFirst admin created: ${email}\nPassword (shown once): ${password}\n\n`);
  }
}
