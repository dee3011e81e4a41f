import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.ts';

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('kahvi-ja-pulla-2026', 'maija@example.com')).toBeUndefined();
  });
  it('refuses short, common and email-like passwords', () => {
    expect(passwordProblem('lyhyt', undefined)).toBe('too_short');
    expect(passwordProblem('1234567890', undefined)).toBe('too_common');
    expect(passwordProblem('Password123', undefined)).toBe('too_common');
    expect(passwordProblem('maija.virtanen', 'maija.virtanen@example.com')).toBe('same_as_email');
    expect(passwordProblem('x'.repeat(300), undefined)).toBe('too_long');
  });
});
