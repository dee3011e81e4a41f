import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const admin = { email: 'admin@example.com', password: 'correct-horse-battery' };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** The real product as `pnpm start` runs it (built web app, SQLite in a temp folder), on a free port. */
export class ProductServer {
  readonly dataDir = mkdtempSync(path.join(tmpdir(), 'yhteispaja-e2e-'));
  port = 0;
  private child: ChildProcess | undefined;
  private output = '';

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (!this.port) this.port = await freePort();
    this.output = '';
    this.child = spawn(process.execPath, [path.join(repoRoot, 'server/src/main.ts')], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        WEB_BUILD_DIR: path.join(repoRoot, 'apps/web/build'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk) => (this.output += chunk));
    this.child.stderr?.on('data', (chunk) => (this.output += chunk));
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`server exited:\n${this.output}`);
      try {
        if ((await fetch(`${this.origin}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server did not become healthy:\n${this.output}`);
  }

  /** SIGTERM and wait for exit: the server flushes and closes sockets with "going away". */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** Seeds data through the HTTP API, as an integration would. */
export class Api {
  private cookie = '';
  private readonly origin: string;

  constructor(origin: string) {
    this.origin = origin;
  }

  async call<T = any>(method: string, route: string, body?: unknown): Promise<T> {
    const response = await fetch(this.origin + route, {
      method,
      headers: { origin: this.origin, 'content-type': 'application/json', cookie: this.cookie },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  /** The session cookie, for a raw sync client acting as this user. */
  get sessionCookie(): string {
    return this.cookie;
  }

  static async signIn(origin: string, credentials: { email: string; password: string }): Promise<Api> {
    const api = new Api(origin);
    await api.call('POST', '/api/auth/login', credentials);
    return api;
  }
}
