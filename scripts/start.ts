/**
 * `pnpm start`: build the web app when no build exists, then run the server in this process.
 * Runs on the Node 24 that the repo pins (node_modules/.bin comes first on pnpm's PATH).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const webBuild = new URL('../apps/web/build/index.html', import.meta.url);

if (!existsSync(webBuild)) {
  process.stdout.write('No web build yet: building apps/web …\n');
  // npm_execpath is the pnpm that runs this script, so the build uses the same one.
  const pnpm = process.env.npm_execpath;
  const result = pnpm
    ? spawnSync(process.execPath, [pnpm, '--filter', '@yhteispaja/web', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('pnpm', ['--filter', '@yhteispaja/web', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

process.env.WEB_BUILD_DIR ??= fileURLToPath(new URL('../apps/web/build', import.meta.url));
const { runFromEnvironment } = await import('../server/src/main.ts');
await runFromEnvironment();
