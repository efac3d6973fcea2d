/**
 * /graphql in a browser: a GET that asks for HTML gets the GraphQL IDE (GraphiQL, bundled into
 * explorer/dist/graphiql.html by Vite), so it works with no internet; every other request goes
 * on to Apollo. Off when the landing page is off (LANDING_PAGE=false, production by default).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestHandler } from 'express';
import { EXPLORER_DIST } from './explorer.js';

export function graphiqlPage(enabled: boolean, dist: string = EXPLORER_DIST): RequestHandler {
  const page = join(dist, 'graphiql.html');
  return (req, res, next) => {
    // A GET with a query string is an operation (GET queries), not a visit.
    const visit =
      req.method === 'GET' && !req.query['query'] && req.accepts(['application/json', 'text/html']) === 'text/html';
    // Without a build (npm run build:explorer), Apollo's own landing page answers instead.
    if (!enabled || !visit || !existsSync(page)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(page);
  };
}
