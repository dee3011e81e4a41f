import { dictionary } from '@zxcvbn-ts/language-common';

/** NIST SP 800-63B and OWASP ASVS: length over composition rules, and no known-breached passwords. */
export const minimumPasswordLength = 10;
export const maximumPasswordLength = 256;

// The common-password list of zxcvbn-ts (about 30 000 passwords seen in breaches), lower-cased.
const common = new Set(dictionary['passwords-common'].map((password) => password.toLowerCase()));

export type PasswordProblem = 'too_short' | 'too_long' | 'too_common' | 'same_as_email';

/** What is wrong with a new password, or undefined when it is acceptable. */
export function passwordProblem(password: string, email?: string | null): PasswordProblem | undefined {
  if ([...password].length < minimumPasswordLength) return 'too_short';
  if (password.length > maximumPasswordLength) return 'too_long';
  const lower = password.toLowerCase();
  if (common.has(lower)) return 'too_common';
  if (email && (lower === email.toLowerCase() || lower === email.toLowerCase().split('@')[0])) return 'same_as_email';
  return undefined;
}
