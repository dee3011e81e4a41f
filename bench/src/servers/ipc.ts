/** The small IPC protocol between the bench and a server child: heap after GC, seeding, stop. */
export type Request =
  | { type: 'heap' }
  | { type: 'seed'; documentName: string; path: string }
  | { type: 'stop' };

export type Reply = { type: 'ready'; port: number } | { type: 'heap'; heapUsed: number } | { type: 'seeded' } | { type: 'stopped' } | { type: 'error'; message: string };

export interface ChildHooks {
  seed?(documentName: string, path: string): Promise<void> | void;
  stop(): Promise<void> | void;
}

function reply(message: Reply): void {
  process.send?.(message);
}

/** Answer the parent's requests; `globalThis.gc` exists because children run with --expose-gc. */
export function serveIpc(port: number, hooks: ChildHooks): void {
  process.on('message', (message: Request) => {
    void (async () => {
      try {
        if (message.type === 'heap') {
          const gc = (globalThis as { gc?: () => void }).gc;
          gc?.();
          gc?.();
          reply({ type: 'heap', heapUsed: process.memoryUsage().heapUsed });
        } else if (message.type === 'seed') {
          await hooks.seed?.(message.documentName, message.path);
          reply({ type: 'seeded' });
        } else if (message.type === 'stop') {
          await hooks.stop();
          reply({ type: 'stopped' });
          process.disconnect?.();
          process.exit(0);
        }
      } catch (error) {
        reply({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  reply({ type: 'ready', port });
}
