/**
 * The composition root: validated config in, a server that can be started and stopped out.
 * It opens the driver, runs the migrations, builds the schema and the per-request context, and
 * mounts /graphql, /health and /ready on one HTTP server. Tests start it on a random port.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { join } from 'node:path';
import { PROJECT_ROOT } from './paths.js';
import { ApolloServer, type BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { KeyRing, presentedKey } from './auth.js';
import type { Config } from './config.js';
import { createContext, type Context } from './request/context.js';
import { appError, ErrorCode } from './errors.js';
import { explorerRouter } from './http/explorer.js';
import { interchangeRouter } from './http/interchange.js';
import { graphiqlPage } from './http/graphiql.js';
import { formatError } from './http/format-error.js';
import { jsonStatus } from './http/json-status.js';
import { type Database, deadlineIn } from './graph/core/database.js';
import { openDatabase } from './graph/core/open-database.js';
import { backfillIndependentOrigins } from './graph/write/claim-status.js';
import { migrate } from './graph/core/migrations.js';
import { graphIsEmpty, loadSeed } from './graph/write/seed.js';
import { createLogger, type Logger } from './logger.js';
import {
  answerClientErrors,
  bodyErrors,
  corsGuard,
  jsonBody,
  jsonOnly,
  noBatches,
  shallowJson,
} from './http/guards.js';
import { queryLimitRules, queryParseOptions } from './http/query-limits.js';
import { roundTripsPlugin } from './http/round-trips.js';
import { jitGateway } from './http/executor.js';
import { cachePolicyPlugin, responseCachePlugin } from './http/cache.js';
import { createMetrics } from './http/metrics.js';
import { startTracing } from './http/tracing.js';
import { bookmarksPlugin, presentedBookmarks } from './http/bookmarks.js';
import { resolvers } from './resolvers/index.js';

export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');

/** The SDL files of schema/, in a stable order (common.graphql first: it declares the roots). */
export function loadTypeDefs(): string {
  const files = readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'common.graphql' ? -1 : b === 'common.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8')).join('\n');
}

/** How long start() waits for the database before giving up with one clear line. */
const START_WAIT_MS = 60_000;

export class DatabaseUnreachableError extends Error {}

export interface ConflictGraphServer {
  readonly config: Config;
  readonly db: Database;
  readonly log: Logger;
  readonly app: express.Express;
  /** Migrates, then listens; resolves with the base URL (http://host:port). */
  start(): Promise<string>;
  /** Drains in-flight requests, then closes the driver. */
  stop(): Promise<void>;
}

export async function createServer(
  config: Config,
  log: Logger = createLogger(config.logLevel),
): Promise<ConflictGraphServer> {
  const db = openDatabase(config);
  const keys = new KeyRing(config.apiKeys);
  const app = express();
  app.disable('x-powered-by');
  // A client gets REQUEST_TIMEOUT_MS to send its whole request (slow-body clients are cut off).
  const http: Server = createHttpServer(
    {
      requestTimeout: config.limits.requestTimeoutMs,
      headersTimeout: Math.min(60_000, config.limits.requestTimeoutMs),
    },
    app,
  );
  answerClientErrors(http);

  const metrics = createMetrics(db);
  const tracing = await startTracing(config.tracing, config.neo4j.database, log);
  const apollo = new ApolloServer<Context>({
    ...(config.executor === 'jit'
      ? { gateway: jitGateway(loadTypeDefs(), resolvers) }
      : { typeDefs: loadTypeDefs(), resolvers }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // Query limits from config.limits; batching stays off (one operation per request); CSRF
    // prevention stays on (a GET needs a preflight header or a JSON content type).
    validationRules: queryLimitRules(config.limits),
    parseOptions: queryParseOptions(config.limits),
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    formatError: (formatted, error) => formatError(formatted, error, log),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      config.landingPage
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      roundTripsPlugin(config.roundTrips),
      metrics.plugin,
      ...(tracing ? [tracing.plugin] : []),
      bookmarksPlugin(),
      // Cache hints per operation, not per resolved field (src/http/cache.ts).
      ApolloServerPluginCacheControlDisabled(),
      cachePolicyPlugin(config),
      ...(config.cacheMaxAge > 0 ? [responseCachePlugin(db)] : []),
    ],
  });

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metrics.handler);
  app.get('/ready', async (_req, res) => {
    const up = await db.ping();
    res.status(up ? 200 : 503).json({ status: up ? 'ready' : 'database unavailable' });
  });
  app.use('/explore', explorerRouter());
  app.use(
    '/interchange',
    interchangeRouter({
      db,
      log,
      viewerOf: (req) => {
        const key = presentedKey(req.headers);
        const viewer = key ? keys.identify(key) : null;
        if (key && !viewer)
          throw appError(
            ErrorCode.UNAUTHENTICATED,
            'That API key is not valid. Check it, or make one with npm run key.',
          );
        return viewer;
      },
    }),
  );
  // A first visit lands on the explorer; /graphql in a browser is the bundled IDE.
  app.get('/', (_req, res) => res.redirect(302, '/explore/'));
  app.get('/graphql', graphiqlPage(config.landingPage));

  let listening = false;
  return {
    config,
    db,
    log,
    app,
    async start() {
      if (!(await db.waitUntilReachable(START_WAIT_MS, (line) => log.info(line)))) {
        throw new DatabaseUnreachableError(
          `Neo4j at ${config.neo4j.uri} did not answer within ${START_WAIT_MS / 1000} s: check that it runs and that NEO4J_URI, NEO4J_USER and NEO4J_PASSWORD are right.`,
        );
      }
      await migrate(db);
      await backfillIndependentOrigins(db);
      if (config.seedOnStart && (await graphIsEmpty(db))) {
        const seeded = await loadSeed(db);
        log.info(seeded, 'loaded the seed into the empty database');
      }
      await apollo.start();
      app.use(
        '/graphql',
        corsGuard(config),
        jsonOnly,
        jsonBody(config),
        noBatches,
        shallowJson,
        jsonStatus,
        expressMiddleware(apollo, {
          context: async ({ req }) => {
            const key = presentedKey(req.headers);
            const viewer = key ? keys.identify(key) : null;
            if (key && !viewer) {
              throw appError(
                ErrorCode.UNAUTHENTICATED,
                'That API key is not valid. Check it, or make one with npm run key.',
                { http: { status: 401 } },
              );
            }
            if (!viewer && config.readsRequireKey) {
              throw appError(
                ErrorCode.UNAUTHENTICATED,
                'This API needs a key for reads too (READS_REQUIRE_KEY): send it as "Authorization: Bearer <key>".',
                { http: { status: 401 } },
              );
            }
            // Every query of the request shares its deadline: none starts after it, and each
            // transaction's timeout is cut to the time left.
            const scope = db.scope(config.limits.txTimeoutMs, deadlineIn(config.limits.requestTimeoutMs));
            scope.bookmarks = presentedBookmarks(req.headers);
            return createContext(scope, viewer, config, log);
          },
        }),
      );
      app.use(bodyErrors(config, log));
      await new Promise<void>((ok) => http.listen(config.port, config.host, ok));
      listening = true;
      const address = http.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
      log.info({ url: `${url}/graphql` }, 'conflict-graph is serving GraphQL');
      return url;
    },
    async stop() {
      if (listening) await apollo.stop();
      else http.close();
      // After the drain, so the last requests' spans are sent too.
      await tracing?.shutdown();
      await db.close();
    },
  };
}

export type { BaseContext };
