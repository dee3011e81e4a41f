import type { Checkpoint } from '../storage/history-ports.ts';

/** How automatic checkpoints thin out with age. Labelled snapshots are never thinned. */
export interface CheckpointRetention {
  /** Every checkpoint younger than this is kept. @default 24 hours */
  keepAllMs: number;
  /** Older ones, up to this age, keep one per day (the day's newest). @default 30 days */
  keepDailyMs: number;
  /** Older still: one per week. Beyond `maxCount` checkpoints, the oldest go. @default 200 */
  maxCount: number;
}

const day = 24 * 60 * 60 * 1000;

export const defaultCheckpointRetention: CheckpointRetention = { keepAllMs: day, keepDailyMs: 30 * day, maxCount: 200 };

/** The ids of the checkpoints `policy` lets go at `now`. Pure, so the tiers are tested directly. */
export function checkpointsToThin(checkpoints: readonly Checkpoint[], now: number, policy: CheckpointRetention): string[] {
  const newestFirst = [...checkpoints].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1));
  const kept: Checkpoint[] = [];
  const drop: string[] = [];
  const seenBuckets = new Set<string>();
  for (const checkpoint of newestFirst) {
    const age = now - checkpoint.createdAt;
    let bucket: string | undefined;
    if (age > policy.keepAllMs) {
      bucket = age <= policy.keepDailyMs ? `d${Math.floor(checkpoint.createdAt / day)}` : `w${Math.floor(checkpoint.createdAt / (7 * day))}`;
    }
    if (bucket !== undefined && seenBuckets.has(bucket)) drop.push(checkpoint.id);
    else {
      if (bucket !== undefined) seenBuckets.add(bucket);
      kept.push(checkpoint);
    }
  }
  for (const checkpoint of kept.slice(policy.maxCount)) drop.push(checkpoint.id);
  return drop;
}
