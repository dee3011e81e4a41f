import * as Y from 'yjs';
import { Samples } from './stats.ts';

/**
 * Send times by client id and clock, and what each receiver has seen: a receiver parses an
 * update's state vectors (`Y.parseUpdateMeta`) and takes one latency sample per new clock.
 * One process clock (performance.now) for senders and receivers.
 */
export class LatencyTracker {
  private readonly sent = new Map<number, number[]>();
  readonly samples = new Samples();
  expected = 0;
  delivered = 0;
  /** Set when the drain window ends: what arrives later counts neither as delivered nor as a sample. */
  stopped = false;

  /** Record the clocks a sender's change took, [from, to), sent at `at`, to reach `receivers` others. */
  recordSend(client: number, from: number, to: number, at: number, receivers: number): void {
    let times = this.sent.get(client);
    if (!times) this.sent.set(client, (times = []));
    for (let clock = from; clock < to; clock++) times[clock] = at;
    this.expected += (to - from) * receivers;
  }

  /** A receiver: call the returned function with every update it gets. */
  receiver(ownClient: number | undefined): (update: Uint8Array) => void {
    const seen = new Map<number, number>();
    return (update) => {
      if (this.stopped) return;
      const now = performance.now();
      const meta = Y.parseUpdateMeta(update);
      for (const [client, to] of meta.to) {
        if (client === ownClient) continue;
        const times = this.sent.get(client);
        const start = Math.max(seen.get(client) ?? 0, meta.from.get(client) ?? 0);
        if (to <= start) continue;
        seen.set(client, to);
        if (!times) continue;
        for (let clock = start; clock < to; clock++) {
          const at = times[clock];
          if (at === undefined) continue;
          this.samples.push(now - at);
          this.delivered++;
        }
      }
    };
  }
}
