import { Worker, type ResourceLimits } from 'node:worker_threads';
import { AppError } from '../errors.ts';

/** Sizes of a worker pool. */
export interface PoolOptions {
  /** Worker threads. @default 1 */
  workers: number;
  /** Jobs that may wait for a free worker; more are refused with 429. @default 8 */
  maxQueue: number;
  /** A job running longer is stopped (its worker replaced) and answered with 503. @default 30000 */
  timeoutMs: number;
  /** Heap limits of each worker: a job that exceeds them ends its worker, not the server. */
  resourceLimits?: ResourceLimits;
}

interface Job<In, Out> {
  input: In;
  resolve: (value: Out) => void;
  reject: (error: unknown) => void;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

/** Messages the pool's workers answer with. */
export type WorkerReply<Out> = { ok: true; result: Out } | { ok: false; message: string };

export const poolErrors = {
  busy: () => new AppError('busy', 429, 'Too many reports are being made; try again shortly', { headers: { 'Retry-After': '5' } }),
  timedOut: () => new AppError('render_timeout', 503, 'Making the report took too long; try again later'),
  failed: () => new AppError('render_failed', 503, 'The report could not be made'),
};

/**
 * A small, bounded pool of worker threads: heavy work (rendering a report) runs off the event loop
 * so no room's edits wait for it. Each worker takes one job at a time; jobs beyond the queue are
 * refused at once rather than piling up, and a job past its timeout has its worker terminated.
 */
export class WorkerPool<In, Out> {
  private readonly slots: Slot[] = [];
  private readonly queue: Job<In, Out>[] = [];
  private readonly script: URL;
  private readonly options: PoolOptions;
  private closed = false;

  constructor(script: URL, options: PoolOptions) {
    this.script = script;
    this.options = options;
  }

  /** Run one job; rejects with a 429 AppError when the queue is full. */
  run(input: In): Promise<Out> {
    if (this.closed) return Promise.reject(poolErrors.failed());
    if (this.queue.length >= this.options.maxQueue) return Promise.reject(poolErrors.busy());
    return new Promise<Out>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((candidate) => !candidate.busy);
      if (!slot && this.slots.length < this.options.workers) {
        slot = { worker: new Worker(this.script, this.options.resourceLimits ? { resourceLimits: this.options.resourceLimits } : {}), busy: false };
        slot.worker.unref();
        this.slots.push(slot);
      }
      if (!slot) return;
      this.start(slot, this.queue.shift()!);
    }
  }

  private start(slot: Slot, job: Job<In, Out>): void {
    slot.busy = true;
    const { worker } = slot;
    let settled = false;
    const finish = (outcome: () => void, replace: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (replace) {
        this.slots.splice(this.slots.indexOf(slot), 1);
        void worker.terminate();
      } else slot.busy = false;
      outcome();
      this.dispatch();
    };
    const onMessage = (reply: WorkerReply<Out>) =>
      finish(() => (reply.ok ? job.resolve(reply.result) : job.reject(Object.assign(poolErrors.failed(), { cause: reply.message }))), false);
    const onError = (error: Error) => finish(() => job.reject(Object.assign(poolErrors.failed(), { cause: error })), true);
    const onExit = () => finish(() => job.reject(poolErrors.failed()), true);
    const timer = setTimeout(() => finish(() => job.reject(poolErrors.timedOut()), true), this.options.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(job.input);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(poolErrors.failed());
    await Promise.all(this.slots.splice(0).map((slot) => slot.worker.terminate()));
  }
}
