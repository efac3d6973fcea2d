/**
 * The one module that reads the environment. Every setting the service understands is declared
 * here with its default; an invalid value stops start-up with one line that names it.
 */
import { z } from 'zod';

/**
 * The engine runs at a lower CPU priority than the processes that use it. Under load on a shared
 * machine, Neo4j runs a worker thread per busy connection while a Node server has one event loop:
 * at equal priority the loop gets one share among many, and every response waits behind the
 * engine. Niced, the engine still takes every idle cycle (bench/README.md has the figures).
 */
export const LOCAL_NICE = 10;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const size = z.string().regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 1g');
const otlpProtocol = z.enum(['http/protobuf'], {
  errorMap: () => ({ message: 'only http/protobuf is bundled (not grpc or http/json)' }),
});
/** OTEL_TRACES_SAMPLER's values, as the specification names them. */
export const SAMPLERS = [
  'always_on',
  'always_off',
  'traceidratio',
  'parentbased_always_on',
  'parentbased_always_off',
  'parentbased_traceidratio',
] as const;
export type SamplerName = (typeof SAMPLERS)[number];

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(0, 65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected neo4j://, bolt://, neo4j+s:// … followed by a host')
    .optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().min(1).default('neo4j'),
  NEO4J_LOCAL_PORT: int(0, 65535).default(7687),
  NEO4J_LOCAL_DATA: z.string().min(1).default('.data/neo4j'),
  NEO4J_LOCAL_HEAP: size.default('768m'),
  NEO4J_LOCAL_PAGECACHE: size.default('256m'),
  NEO4J_LOCAL_NICE: int(0, 19).default(LOCAL_NICE),
  // A third of the default heap: a query that collects more fails alone (QUERY_MEMORY_LIMIT).
  NEO4J_LOCAL_TX_MEMORY: size.default('256m'),

  SEED_ON_START: bool.default('true'),
  API_KEYS: z.string().default(''),
  READS_REQUIRE_KEY: bool.default('false'),

  REQUEST_TIMEOUT_MS: int(100, 600_000).default(15_000),
  TX_TIMEOUT_MS: int(100, 600_000).default(10_000),
  CYPHER_TIMEOUT_MS: int(100, 600_000).default(5_000),
  CYPHER_MAX_ROWS: int(1, 100_000).default(1_000),
  QUERY_MAX_DEPTH: int(1, 100).default(12),
  // graphql-armor's estimate grows by a factor per nesting level; the frontend's nested
  // selection (actors → participations → event → place → parent, event → claims → sources)
  // costs about 500k at first: 100, so the default admits it and refuses what is wider.
  QUERY_MAX_COST: int(1, 100_000_000).default(1_000_000),
  QUERY_MAX_ALIASES: int(1, 1_000).default(30),
  QUERY_MAX_TOKENS: int(10, 1_000_000).default(5_000),
  QUERY_MAX_DIRECTIVES: int(1, 1_000).default(50),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 1mb or 200kb')
    .default('1mb'),
  CORS_ORIGINS: z.string().default(''),
  INTROSPECTION: bool.optional(),
  LANDING_PAGE: bool.optional(),
  ROUND_TRIPS: bool.optional(),
  // How operations run: interpreted by graphql-js, or compiled by graphql-jit (src/http/executor.ts);
  // graphql-js by default: the compiled executor did not measurably win (bench/NOTES.md, 2026-12-01).
  EXECUTOR: z.enum(['graphql-js', 'jit']).default('graphql-js'),
  // Seconds a public read may be cached (Cache-Control, the response cache); 0: not cached.
  CACHE_MAX_AGE: int(0, 86_400).default(0),

  // OpenTelemetry tracing (src/http/tracing.ts), by the specification's variables. Off unless
  // OTEL_TRACES_EXPORTER names an exporter: the specification's default (otlp) would start an
  // exporter, and its retries, on every machine that never asked for one.
  OTEL_SDK_DISABLED: bool.default('false'),
  OTEL_TRACES_EXPORTER: z.enum(['none', 'otlp', 'console']).default('none'),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: otlpProtocol.optional(),
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: otlpProtocol.optional(),
  OTEL_SERVICE_NAME: z.string().min(1).default('conflict-graph'),
  OTEL_TRACES_SAMPLER: z.enum(SAMPLERS).default('parentbased_always_on'),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).optional(),
  // How long finished spans wait to be sent in one batch (the specification's default).
  OTEL_BSP_SCHEDULE_DELAY: int(0, 600_000).default(5_000),
});

export type RawConfig = z.infer<typeof schema>;

export interface Config {
  env: RawConfig['NODE_ENV'];
  host: string;
  port: number;
  logLevel: RawConfig['LOG_LEVEL'];
  neo4j: {
    /** Undefined: the project starts its own local engine. */
    uri: string | undefined;
    user: string;
    password: string | undefined;
    database: string;
  };
  localNeo4j: { port: number; dataDir: string; heap: string; pageCache: string; nice: number; txMemory: string };
  seedOnStart: boolean;
  apiKeys: string;
  readsRequireKey: boolean;
  limits: {
    requestTimeoutMs: number;
    txTimeoutMs: number;
    cypherTimeoutMs: number;
    cypherMaxRows: number;
    maxDepth: number;
    maxCost: number;
    maxAliases: number;
    maxTokens: number;
    maxDirectives: number;
    bodyLimit: string;
  };
  corsOrigins: string[];
  introspection: boolean;
  landingPage: boolean;
  /** Report each request's database round trips in `extensions.roundTrips`. */
  roundTrips: boolean;
  /** How operations run: compiled (graphql-jit) or interpreted (graphql-js). */
  executor: 'jit' | 'graphql-js';
  /** Seconds a public read may be cached (src/http/cache.ts); 0: never. */
  cacheMaxAge: number;
  /** OpenTelemetry tracing (src/http/tracing.ts); exporter 'none' starts nothing. */
  tracing: TracingConfig;
}

export interface TracingConfig {
  exporter: 'none' | 'otlp' | 'console';
  /** The OTLP/HTTP traces URL; undefined: the exporter's default (http://localhost:4318/v1/traces). */
  endpoint: string | undefined;
  serviceName: string;
  sampler: SamplerName;
  /** The ratio of the traceidratio samplers (1 when unset). */
  samplerRatio: number;
  /** Milliseconds finished spans wait to be sent in one batch. */
  batchDelayMs: number;
}

/** The traces URL: the signal's own endpoint as given, or the base endpoint with /v1/traces. */
function tracesEndpoint(traces: string | undefined, base: string | undefined): string | undefined {
  if (traces) return traces;
  if (!base) return undefined;
  return `${base.replace(/\/+$/, '')}/v1/traces`;
}

export class ConfigError extends Error {}

/** Validates an environment (process.env by default) into a Config, or throws one clear ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'configuration');
    throw new ConfigError(`Invalid ${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}.`);
  }
  const c = parsed.data;
  const production = c.NODE_ENV === 'production';
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    neo4j: { uri: c.NEO4J_URI, user: c.NEO4J_USER, password: c.NEO4J_PASSWORD, database: c.NEO4J_DATABASE },
    localNeo4j: {
      port: c.NEO4J_LOCAL_PORT,
      dataDir: c.NEO4J_LOCAL_DATA,
      heap: c.NEO4J_LOCAL_HEAP,
      pageCache: c.NEO4J_LOCAL_PAGECACHE,
      nice: c.NEO4J_LOCAL_NICE,
      txMemory: c.NEO4J_LOCAL_TX_MEMORY,
    },
    seedOnStart: c.SEED_ON_START,
    apiKeys: c.API_KEYS,
    readsRequireKey: c.READS_REQUIRE_KEY,
    limits: {
      requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
      txTimeoutMs: c.TX_TIMEOUT_MS,
      cypherTimeoutMs: c.CYPHER_TIMEOUT_MS,
      cypherMaxRows: c.CYPHER_MAX_ROWS,
      maxDepth: c.QUERY_MAX_DEPTH,
      maxCost: c.QUERY_MAX_COST,
      maxAliases: c.QUERY_MAX_ALIASES,
      maxTokens: c.QUERY_MAX_TOKENS,
      maxDirectives: c.QUERY_MAX_DIRECTIVES,
      bodyLimit: c.BODY_LIMIT,
    },
    corsOrigins: c.CORS_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    introspection: c.INTROSPECTION ?? !production,
    landingPage: c.LANDING_PAGE ?? !production,
    roundTrips: c.ROUND_TRIPS ?? !production,
    executor: c.EXECUTOR,
    cacheMaxAge: c.CACHE_MAX_AGE,
    tracing: {
      exporter: c.OTEL_SDK_DISABLED ? 'none' : c.OTEL_TRACES_EXPORTER,
      endpoint: tracesEndpoint(c.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, c.OTEL_EXPORTER_OTLP_ENDPOINT),
      serviceName: c.OTEL_SERVICE_NAME,
      sampler: c.OTEL_TRACES_SAMPLER,
      samplerRatio: c.OTEL_TRACES_SAMPLER_ARG ?? 1,
      batchDelayMs: c.OTEL_BSP_SCHEDULE_DELAY,
    },
  };
}
