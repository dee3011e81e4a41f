import adapter from '@sveltejs/adapter-static';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

/**
 * The Hono server (API + sync) that `vite dev` forwards to; in production it serves the built
 * app itself. The proxy passes the browser's Origin through, so start the server with
 * PUBLIC_ORIGIN set to the dev server's origin (e.g. http://localhost:5173).
 */
const backend = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [
    sveltekit({
      // precompress: .br and .gz beside every file, served by server/src/http/static.ts.
      adapter: adapter({ fallback: 'index.html', precompress: true }),
      compilerOptions: { runes: true },
    }),
  ],
  build: {
    // The editor route bundles Tiptap, ProseMirror and Yjs (~530 kB); it loads only on that page.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      '/api': { target: backend, changeOrigin: false },
      '/healthz': { target: backend },
      '/sync': { target: backend, ws: true },
    },
  },
});
