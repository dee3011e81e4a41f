import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadEnv } from '../env.ts';
import { startServer, type RunningServer } from '../main.ts';
import { dropSchema, testDatabaseUrl } from './postgres.ts';

export const adminCredentials = { email: 'admin@example.com', password: 'correct-horse-battery' };

export interface TestServer extends RunningServer {
  dataDir: string;
  origin: string;
  /** Stop and start again on the same data (and a new port). */
  restart(): Promise<TestServer>;
  dispose(): Promise<void>;
}

/** A real server on a free loopback port with its own temporary SQLite folder. */
export type StoreKind = 'sqlite' | 'postgres';
export const storeKinds: readonly StoreKind[] = ['sqlite', 'postgres'];

export interface TestServerOptions {
  dataDir?: string;
  /** `postgres` runs on the local PostgreSQL in a throwaway schema, dropped by dispose(). */
  store?: StoreKind;
  schema?: string;
  env?: Record<string, string>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'yhteispaja-test-'));
  const schema = options.store === 'postgres' ? (options.schema ?? `yp_test_${randomBytes(6).toString('hex')}`) : undefined;
  const storeEnv: Record<string, string> = schema ? { DATABASE_URL: testDatabaseUrl, DATABASE_SCHEMA: schema } : {};
  const env = loadEnv({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_EMAIL: adminCredentials.email,
    ADMIN_PASSWORD: adminCredentials.password,
    LOG_LEVEL: 'silent',
    WEB_BUILD_DIR: path.join(dataDir, 'no-web-build'),
    ...storeEnv,
    ...options.env,
  });
  const running = await startServer(env);
  const server: TestServer = {
    ...running,
    dataDir,
    origin: running.url,
    async restart() {
      await running.stop();
      return startTestServer({ ...options, dataDir, ...(schema ? { schema } : {}) });
    },
    async dispose() {
      await running.stop();
      rmSync(dataDir, { recursive: true, force: true });
      if (schema) await dropSchema(schema);
    },
  };
  return server;
}

/** A minimal API client that keeps the session cookie, as a browser would. */
export class ApiClient {
  readonly origin: string;
  cookie: string | undefined;

  constructor(origin: string) {
    this.origin = origin;
  }

  async request(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { origin: this.origin };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = this.cookie;
    const response = await fetch(this.origin + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    return response;
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request(method, path, body);
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }

  async login(credentials: { email: string; password: string }): Promise<this> {
    await this.json('POST', '/api/auth/login', credentials);
    return this;
  }
}

/** Poll `check` until it stops throwing: collaboration settles asynchronously; never sleep a fixed time. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
