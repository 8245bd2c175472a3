/** Builds the single-page app into web/dist, which the Fastify server serves (with SPA fallback). */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev:web` next to `outtask serve` (PORT 3000): the API stays same-origin for the cookie.
    proxy: { '/api': { target: process.env.OUTTASK_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
