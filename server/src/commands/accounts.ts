import { randomBytes } from 'node:crypto';
import { errors } from '../errors.ts';
import { hashPassword, verifyPassword } from '../auth/password.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import type { Logger } from '../logger.ts';
import { canManageUsers } from '../policies/organisation.ts';
import type { OrganisationRole, Store, User } from '../storage/ports.ts';
import { createDemo } from './demo.ts';

export interface NewUser {
  organisationId: string;
  email: string;
  name: string;
  password: string;
  organisationRole?: Exclude<OrganisationRole, 'guest'>;
  isAdmin?: boolean;
}

function checkPassword(password: string, email: string | null): void {
  const problem = passwordProblem(password, email);
  if (problem) throw errors.unprocessable(`weak_password_${problem}`, weakPasswordMessages[problem]);
}

const weakPasswordMessages = {
  too_short: 'The password must have at least 10 characters',
  too_long: 'The password is too long',
  too_common: 'That password is among the most common ones; choose another',
  same_as_email: 'The password must not be your email address',
} as const;

export async function createUser(store: Store, input: NewUser): Promise<User> {
  checkPassword(input.password, input.email);
  if (await store.users.byEmail(input.email)) throw errors.conflict('email_taken', 'A user with that email already exists');
  return store.users.create({
    organisationId: input.organisationId,
    email: input.email,
    name: input.name,
    passwordHash: await hashPassword(input.password),
    isAdmin: input.isAdmin ?? false,
    organisationRole: input.organisationRole ?? 'member',
  });
}

/** An admin creates a user in an organisation they manage (their own by default). */
export async function createUserAs(
  store: Store,
  actor: User,
  input: Omit<NewUser, 'organisationId' | 'isAdmin'> & { organisationId?: string | undefined },
): Promise<User> {
  const organisationId = input.organisationId ?? actor.organisationId;
  if (!canManageUsers(actor, organisationId)) throw errors.forbidden();
  if (!(await store.organisations.get(organisationId))) throw errors.notFound('Organisation');
  return createUser(store, { ...input, organisationId });
}

/** Change one's own password; every other session of the user ends. Returns the ended session ids. */
export async function changePassword(
  store: Store,
  user: User,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<string[]> {
  const stored = await store.users.byId(user.id);
  if (!stored?.passwordHash || !(await verifyPassword(input.currentPassword, stored.passwordHash))) throw errors.wrongCredentials();
  checkPassword(input.newPassword, user.email);
  await store.users.setPassword(user.id, await hashPassword(input.newPassword));
  return store.sessions.deleteForUser(user.id, currentSessionId);
}

/**
 * On first start with an empty store: the first organisation and its first admin (also system
 * admin), from ADMIN_EMAIL/ADMIN_PASSWORD or with a generated password printed once.
 */
export async function bootstrapAdmin(
  store: Store,
  options: { email: string | undefined; password: string | undefined; organisationName: string; demo: boolean },
  logger: Logger,
): Promise<void> {
  if ((await store.users.count()) > 0) return;
  const email = options.email ?? 'admin@localhost';
  const password = options.password ?? randomBytes(15).toString('base64url');
  checkPassword(password, email); // before anything is written, so a bad ADMIN_PASSWORD leaves no trace
  let admin: User;
  try {
    const organisation = await store.organisations.create({ name: options.organisationName });
    admin = await createUser(store, { organisationId: organisation.id, email, name: 'Admin', password, isAdmin: true, organisationRole: 'admin' });
  } catch (error) {
    // Several instances starting at once on one empty database: one of them wins.
    if ((await store.users.count()) > 0) return;
    throw error;
  }
  if (options.demo) await createDemo(store, admin, logger);
  if (options.password) {
    logger.info({ email }, 'created the first admin');
  } else {
    // Printed on its own lines so an operator sees it among JSON logs.
    process.stdout.write(`\nFirst admin created: ${email}\nPassword (shown once): ${password}\n\n`);
  }
}
