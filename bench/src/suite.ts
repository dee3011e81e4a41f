import type { Target } from './framing.ts';
import type { SuiteRecord } from './results.ts';

/** What every suite gets: the options of the run and a place to put records. */
export interface SuiteContext {
  quick: boolean;
  repetitions: number;
  targets: readonly Target[];
  /** Phases to run (`--phase`, repeatable); empty means every phase of the suite. */
  phases: readonly string[];
  record(record: SuiteRecord): void;
  log(message: string): void;
}

/** A family of measurements, run with `pnpm bench --suite NAME`; add new ones in suites.ts. */
export interface Suite {
  name: string;
  description: string;
  run(context: SuiteContext): Promise<void>;
}

/** Fisher–Yates: repetitions run in randomised order so drift (other load, heat) spreads evenly. */
export function shuffle<T>(items: T[], random: () => number = Math.random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
