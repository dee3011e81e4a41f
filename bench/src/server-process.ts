import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropSchema, testDatabaseUrl } from '../../server/src/testing/postgres.ts';
import { createFraming, type Framing, type Target } from './framing.ts';
import type { Reply, Request } from './servers/ipc.ts';

const adminEmail = 'bench@example.com';
const adminPassword = 'bench-horse-battery-staple';
const clockTicks = 100; // USER_HZ on Linux

export interface ServerOptions {
  /** Ours only: PostgreSQL instead of SQLite. */
  postgres?: boolean;
  /** Peers only: read documents from this SQLite file (cold load). */
  peerSqlite?: string;
  /** Keep the data between restarts (cold load); removed by dispose(). */
  dataDir?: string;
  schema?: string;
}

/** Pin a process (all its threads) to one core; a no-op on a machine with one core. */
export function pin(pid: number, core: number): void {
  spawnSync('taskset', ['-a', '-p', '-c', String(core), String(pid)], { stdio: 'ignore' });
}

/** A server under test in its own process, pinned to core 0, with what the bench needs to talk to it. */
export class ServerProcess {
  readonly target: Target;
  readonly options: ServerOptions;
  readonly dataDir: string;
  readonly schema: string | undefined;
  private child: ChildProcess | undefined;
  private port = 0;
  private cookie = '';
  private workshopId = '';
  private pending: { resolve: (reply: Reply) => void; reject: (error: Error) => void }[] = [];

  constructor(target: Target, options: ServerOptions = {}) {
    this.target = target;
    this.options = options;
    this.dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), `yp-bench-${target}-`));
    this.schema = target === 'ours' && options.postgres ? (options.schema ?? `yp_bench_${randomBytes(6).toString('hex')}`) : undefined;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const script = fileURLToPath(new URL(`./servers/${this.target}.ts`, import.meta.url));
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      DATA_DIR: this.dataDir,
      ADMIN_EMAIL: adminEmail,
      ADMIN_PASSWORD: adminPassword,
      WEB_BUILD_DIR: path.join(this.dataDir, 'no-web-build'),
      ...(this.schema ? { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: this.schema } : {}),
      ...(this.options.peerSqlite ? { BENCH_PEER_SQLITE: this.options.peerSqlite } : {}),
    };
    const child = fork(script, [], { execArgv: ['--expose-gc'], env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    child.on('message', (reply: Reply) => this.pending.shift()?.resolve(reply));
    child.on('exit', (code) => {
      for (const waiter of this.pending.splice(0)) waiter.reject(new Error(`${this.target} exited (${code})`));
    });
    const ready = await this.await();
    if (ready.type !== 'ready') throw new Error(`${this.target} did not start: ${JSON.stringify(ready)}`);
    this.port = ready.port;
    pin(child.pid!, 0);
    if (this.target === 'ours') await this.login();
  }

  private await(): Promise<Reply> {
    return new Promise((resolve, reject) => this.pending.push({ resolve, reject }));
  }

  private async request(message: Request): Promise<Reply> {
    const reply = this.await();
    this.child!.send(message);
    const answer = await reply;
    if (answer.type === 'error') throw new Error(`${this.target}: ${answer.message}`);
    return answer;
  }

  /** The server's heap after two full GCs, in bytes. */
  async heapUsed(): Promise<number> {
    const reply = await this.request({ type: 'heap' });
    if (reply.type !== 'heap') throw new Error('unexpected reply');
    return reply.heapUsed;
  }

  /** Store a Yjs state (a file) as a document's whole stored content. */
  async seed(documentName: string, file: string): Promise<void> {
    await this.request({ type: 'seed', documentName, path: file });
  }

  /** Resident set size of the server process, in bytes. */
  rss(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  }

  /** CPU seconds the server process has used so far. */
  cpuSeconds(): number {
    const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks;
  }

  private async api<T>(method: string, route: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { origin: this.origin, 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.origin + route, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  private async login(): Promise<void> {
    await this.api('POST', '/api/auth/login', { email: adminEmail, password: adminPassword });
    if (!this.workshopId) this.workshopId = (await this.api<{ id: string }>('POST', '/api/workshops', { title: 'Bench' })).id;
  }

  /** Names of `count` new documents: created through the API for ours, free names for the peers. */
  async createDocuments(count: number): Promise<string[]> {
    if (this.target !== 'ours') return Array.from({ length: count }, () => `bench-${randomBytes(6).toString('hex')}`);
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const created = await this.api<{ id: string }>('POST', `/api/workshops/${this.workshopId}/documents`, { type: 'goal-table', title: `Bench ${i}` });
      ids.push(created.id);
    }
    return ids;
  }

  /** Where and how a client connects to a document. */
  connection(documentName: string): { url: string; headers: Record<string, string>; framing: Framing } {
    const ws = this.origin.replace(/^http/, 'ws');
    const framing = createFraming(this.target, documentName);
    if (this.target === 'ours') return { url: `${ws}/sync/${documentName}`, headers: { origin: this.origin, cookie: this.cookie }, framing };
    if (this.target === 'reference') return { url: `${ws}/${documentName}`, headers: {}, framing };
    return { url: ws, headers: {}, framing };
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await this.request({ type: 'stop' }).catch(() => child.kill('SIGKILL'));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }

  /** Kill -9: after a fan-out run nothing needs a graceful stop, and a backlogged server would take long. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stop, and remove the data (and PostgreSQL schema) unless the caller keeps them for a restart. */
  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
    if (this.schema) await dropSchema(this.schema);
  }
}
