import { afterEach, describe, expect, it } from 'vitest';
import { WorkerPool } from './pool.ts';

type Input = { mode: 'echo' | 'throw' | 'hang' | 'slow'; value: number };
const script = new URL('./pool.test-worker.ts', import.meta.url);
let pool: WorkerPool<Input, number>;
afterEach(() => pool.close());

describe('WorkerPool', () => {
  it('runs jobs on worker threads and survives a failing job', async () => {
    pool = new WorkerPool(script, { workers: 2, maxQueue: 8, timeoutMs: 10_000 });
    expect(await Promise.all([1, 2, 3].map((value) => pool.run({ mode: 'echo', value })))).toEqual([2, 4, 6]);
    await expect(pool.run({ mode: 'throw', value: 0 })).rejects.toMatchObject({ code: 'render_failed', status: 503 });
    expect(await pool.run({ mode: 'echo', value: 5 })).toBe(10);
  });

  it('refuses work beyond its queue with 429 instead of piling it up', async () => {
    pool = new WorkerPool(script, { workers: 1, maxQueue: 2, timeoutMs: 10_000 });
    const accepted = [pool.run({ mode: 'slow', value: 1 }), pool.run({ mode: 'slow', value: 2 }), pool.run({ mode: 'slow', value: 3 })];
    await expect(pool.run({ mode: 'slow', value: 4 })).rejects.toMatchObject({ code: 'busy', status: 429 });
    expect(await Promise.all(accepted)).toEqual([1, 2, 3]);
  });

  it('stops a job past its timeout with 503 and replaces the worker', async () => {
    pool = new WorkerPool(script, { workers: 1, maxQueue: 2, timeoutMs: 500 });
    await expect(pool.run({ mode: 'hang', value: 0 })).rejects.toMatchObject({ code: 'render_timeout', status: 503 });
    expect(await pool.run({ mode: 'echo', value: 21 })).toBe(42);
  });
});
