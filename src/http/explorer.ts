/**
 * Serves the explorer page (explorer/, built by Vite into explorer/dist) at /explore: the files as
 * they are, and index.html for any other path under /explore. The page itself only speaks to
 * /graphql, like any client. When the build is missing it says how to make it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import express, { type Router } from 'express';

export const EXPLORER_DIST = join(PROJECT_ROOT, 'explorer', 'dist');

export function explorerRouter(dist: string = EXPLORER_DIST): Router {
  const router = express.Router();
  const index = join(dist, 'index.html');
  router.use(
    '/assets',
    // File names carry a content hash, so they never change under the same URL.
    express.static(join(dist, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use((_req, res) => {
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain')
        .send('The explorer is not built. Run `npm run build:explorer` (npm start and npm test do it for you).\n');
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
