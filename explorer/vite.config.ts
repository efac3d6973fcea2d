// Builds the explorer page into explorer/dist, served by the API at /explore (src/http/explorer.ts).
// `npm run dev:explorer` serves it with hot reload and sends /graphql to a running `npm start`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explore/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // cytoscape is most of the bundle; one chunk of ~450 kB is fine for a tool page.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
