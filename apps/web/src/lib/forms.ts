/** Small helpers for the forms of the people, organisation and account pages. */

/** A whole number within [min, max], as a number input's bound value gives it (null when empty). */
export function integerInRange(value: number | null | undefined, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/** Loose check before asking the server, which validates for real. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);
}
