import { parentPort } from 'node:worker_threads';

/** A worker for the pool's tests: echoes, throws, or never answers, as asked. */
parentPort!.on('message', (input: { mode: 'echo' | 'throw' | 'hang' | 'slow'; value: number }) => {
  if (input.mode === 'echo') parentPort!.postMessage({ ok: true, result: input.value * 2 });
  else if (input.mode === 'slow') setTimeout(() => parentPort!.postMessage({ ok: true, result: input.value }), 300);
  else if (input.mode === 'throw') parentPort!.postMessage({ ok: false, message: 'broken' });
  // 'hang': never answers.
});
