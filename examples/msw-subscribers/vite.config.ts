import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npx vite examples/msw-subscribers` (dev) or `npx vite build examples/msw-subscribers` (to dist/).
// eslint-disable-next-line no-restricted-syntax
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: {
      'provisim/msw': fileURLToPath(new URL('../../simulator/adapters/msw.ts', import.meta.url)),
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
