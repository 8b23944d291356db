import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The web app: built into dist/web, which the server serves at / with the API under /api. */
export default defineConfig({
  root,
  // Brotli and gzip copies of every text file beside it, which the server sends as they are
  // (preCompressed in src/platform/http/web-app.ts): compressed once at build, never per request.
  // Below 1 KiB compression saves less than a packet.
  plugins: [react(), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
});
