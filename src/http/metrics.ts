/**
 * /metrics in Prometheus' text format (prom-client): request latency by operation, errors by
 * code, database round trips and time per request, the driver's sessions in use and abandoned
 * past their deadline, and whether Neo4j answers (asked at each scrape). One registry per server,
 * so tests that start several servers in one process each scrape their own.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database } from '../graph/core/database.js';
import type { Context } from '../request/context.js';

/** Operation names are the client's to choose: past this many distinct ones, they count as "other". */
const MAX_OPERATION_LABELS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin<Context>;
  handler: RequestHandler;
}

export function createMetrics(db: Database): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name and type, from receipt to response.',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Errors sent to clients, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  const roundTrips = new Histogram({
    name: 'neo4j_round_trips_per_request',
    help: 'Database round trips of one GraphQL request.',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 50],
    registers: [registry],
  });
  const roundTripsTotal = new Counter({
    name: 'neo4j_round_trips_total',
    help: 'Database round trips of GraphQL requests.',
    registers: [registry],
  });
  const dbTime = new Histogram({
    name: 'neo4j_request_time_seconds',
    help: 'Time one GraphQL request spent waiting on the database.',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5, 15],
    registers: [registry],
  });
  new Gauge({
    name: 'neo4j_sessions_open',
    help: 'Driver sessions running a transaction now (each holds a pooled connection).',
    registers: [registry],
    collect() {
      this.set(db.sessionsOpen);
    },
  });
  new Gauge({
    name: 'neo4j_sessions_abandoned',
    help: 'Transactions given up at their deadline that the database has not released yet.',
    registers: [registry],
    collect() {
      this.set(db.abandoned);
    },
  });
  new Gauge({
    name: 'neo4j_up',
    help: '1 when Neo4j answered a trivial query at this scrape, else 0.',
    registers: [registry],
    async collect() {
      this.set((await db.ping()) ? 1 : 0);
    },
  });

  const operations = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (operations.has(name)) return name;
    if (operations.size >= MAX_OPERATION_LABELS) return 'other';
    operations.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const end = duration.startTimer();
      return {
        async willSendResponse({ operationName, operation, response, errors: raised, contextValue }) {
          end({ operation: operationLabel(operationName), type: operation?.operation ?? 'none' });
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : (raised ?? []);
          for (const error of sent) errors.inc({ code: String(error.extensions?.code ?? 'NONE') });
          // A request refused before its context existed (a bad key) has no scope.
          const scope = contextValue?.db;
          if (scope) {
            roundTrips.observe(scope.roundTrips);
            roundTripsTotal.inc(scope.roundTrips);
            dbTime.observe(scope.dbTimeMs / 1000);
          }
        },
      };
    },
  };

  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { registry, plugin, handler };
}
