import type { Suite } from './suite.ts';
import { syncSuite } from './sync-suite.ts';

/** Every suite `pnpm bench` knows; `--suite NAME` runs one. Register new suites here. */
export const suites: readonly Suite[] = [syncSuite];
