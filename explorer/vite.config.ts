// Builds the explorer page into explorer/dist, served by the API at /explore (src/http/explorer.ts),
// and the GraphQL IDE (graphiql.html) that /graphql serves to a browser (src/http/graphiql.ts).
// `npm run dev:explorer` serves both with hot reload and sends /graphql to a running `npm start`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (file: string): string => fileURLToPath(new URL(file, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/explore/',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // GraphiQL's editor (monaco) is a few MB, loaded only by the IDE page; the explorer's own
    // chunk (cytoscape, Leaflet and the world's boundaries) stays around 1 MB.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { explorer: here('index.html'), graphiql: here('graphiql.html') },
      // GraphiQL's React dependencies mark modules "use client"; that means nothing in a static bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000' },
  },
});
