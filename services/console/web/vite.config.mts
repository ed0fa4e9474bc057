import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console's web app: built into dist/console-web, which the console's backend serves (services/console).
// `vite` in this directory serves it for development, passing /api and /auth to a console backend on :3080.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../../dist/console-web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // React, React Aria and the router are one chunk of about 550 kB (170 kB compressed); the chart library is
    // split off and loaded with the first chart.
    chunkSizeWarningLimit: 600,
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3080', '/auth': 'http://localhost:3080' },
  },
});
