import { describe, expect, it } from 'vitest';
import type { Checkpoint } from '../storage/history-ports.ts';
import { checkpointsToThin } from './checkpoint-retention.ts';

const hour = 60 * 60 * 1000;
const day = 24 * hour;
const now = 1000 * day;
const at = (id: string, ageMs: number): Checkpoint => ({ id, documentId: 'd', createdAt: now - ageMs, reason: 'activity', createdBy: null });

describe('checkpointsToThin', () => {
  const policy = { keepAllMs: day, keepDailyMs: 30 * day, maxCount: 200 };

  it('keeps everything of the last day, one per older day, one per week beyond a month', () => {
    const recent = [at('r1', 1 * hour), at('r2', 2 * hour), at('r3', 20 * hour)];
    // Three on one day two days back (days are UTC calendar days: now is midnight).
    const older = [at('o1', 2 * day + 1 * hour), at('o2', 2 * day + 2 * hour), at('o3', 2 * day + 3 * hour)];
    const ancient = [at('a1', 60 * day + hour), at('a2', 61 * day), at('a3', 62 * day)];
    const dropped = checkpointsToThin([...recent, ...older, ...ancient], now, policy);
    expect(dropped).not.toContain('r1');
    expect(dropped).not.toContain('r3');
    expect(dropped.filter((id) => id.startsWith('o')).sort()).toEqual(['o2', 'o3']);
    expect(dropped.filter((id) => id.startsWith('a')).length).toBeGreaterThanOrEqual(1);
    expect(dropped).not.toContain('a1');
  });

  it('never keeps more than maxCount', () => {
    const many = Array.from({ length: 10 }, (_, i) => at(`c${i}`, i * 60_000));
    expect(checkpointsToThin(many, now, { ...policy, maxCount: 4 }).sort()).toEqual(['c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
  });
});
