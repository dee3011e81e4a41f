/**
 * Fixed-window attempt counter for sign-in: per account and per address, so neither one
 * guessed password list nor one noisy address can lock others out. In memory: with several
 * instances each keeps its own count (the limit then applies per instance).
 */
export class AttemptThrottle {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly limit: number;
  private readonly windowMs: number;

  constructor(limit: number, windowMs: number) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  /** Seconds to wait if `key` is over its limit, else 0. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.windows.get(key);
    if (!window || now >= window.resetAt) return 0;
    return window.count >= this.limit ? Math.ceil((window.resetAt - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (!window || now >= window.resetAt) {
      this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.windows.size > 100_000) this.sweep(now);
    } else {
      window.count++;
    }
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  /** Take back one counted attempt (a sign-in that succeeded does not count against its address). */
  forgive(key: string, now = Date.now()): void {
    const window = this.windows.get(key);
    if (window && now < window.resetAt && window.count > 0) window.count--;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (now >= window.resetAt) this.windows.delete(key);
  }
}

/**
 * Runs work one at a time per key: password checks for one account queue behind each other, so
 * concurrent guesses cannot all be verified before the first failure is counted.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => {});
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }
}
