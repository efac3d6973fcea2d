/**
 * OpenTelemetry tracing, off unless OTEL_TRACES_EXPORTER names an exporter. On, each GraphQL
 * request is a SERVER span (its operation's type and name, its outcome) and each database round
 * trip a CLIENT span under it, one per round trip that `extensions.roundTrips` counts, named by
 * the statement's summary: its clauses, labels and relationship types, never its parameters or
 * literals. Off, the SDK is never loaded and a round trip costs one unset-field check.
 *
 * The provider is this server's own and never registered as the global one (tests start several
 * servers in one process), and parents are passed explicitly, so no context manager is needed.
 * A `traceparent` header (W3C Trace Context) makes the request span a child of the caller's.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context as TraceContext,
  type TextMapGetter,
  type Tracer,
} from '@opentelemetry/api';
import type { Sampler, SpanExporter } from '@opentelemetry/sdk-trace';
import type { TracingConfig } from '../config.js';
import type { RoundTripObserver } from '../graph/core/database.js';
import { tokenize, type Token } from '../graph/analysis/cypher-guard.js';
import type { Logger } from '../logger.js';
import type { Context } from '../request/context.js';

export interface Tracing {
  plugin: ApolloServerPlugin<Context>;
  /** Sends the spans still buffered, then stops the exporter. */
  shutdown(): Promise<void>;
}

/** The clauses a summary names, in the order the statement has them. */
const CLAUSES = new Set([
  'EXPLAIN',
  'MATCH',
  'OPTIONAL',
  'UNWIND',
  'MERGE',
  'CREATE',
  'SET',
  'DELETE',
  'REMOVE',
  'FOREACH',
  'CALL',
  'RETURN',
  'UNION',
  'SHOW',
  'TERMINATE',
]);
const MAX_TARGETS = 6;
/** The longest span name or attribute value sent. */
const MAX_NAME = 200;

export interface StatementSummary {
  /** The first clause (MATCH, MERGE, …): db.operation.name. */
  operation: string;
  /** The clauses in order, each with what it touches: `MATCH Actor MEMBER_OF OPTIONAL MATCH Claim RETURN`. */
  text: string;
}

/**
 * A statement's low-cardinality summary, read through the guard's lexer: its clause keywords in
 * order, each followed by the labels, relationship types and procedures it names first. String
 * and number literals, parameters, variables and property names never appear in it.
 */
export function summarizeStatement(statement: string): StatementSummary {
  const tokens = tokenize(statement);
  const parts: string[] = [];
  const named = new Set<string>();
  const name = (t: Token | undefined) => (t?.kind === 'word' || t?.kind === 'ident' ? t.text : null);
  const opener = (t: Token | undefined) => t?.kind === 'punct' && /[([|:]/.test(t.text);
  const target = (text: string) => {
    if (named.has(text) || named.size >= MAX_TARGETS) return;
    named.add(text);
    parts.push(text);
  };
  let operation: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const before = tokens[i - 1];
    const keyword = t.kind === 'word' ? t.text.toUpperCase() : '';
    // A clause keyword, not a property (n.set), a label (:Set), a map key ({set: 1}) or the
    // MERGE's ON CREATE / ON MATCH.
    if (
      CLAUSES.has(keyword) &&
      !(before?.kind === 'punct' && /[.:]/.test(before.text)) &&
      !(before?.kind === 'word' && before.text.toUpperCase() === 'ON') &&
      tokens[i + 1]?.text !== ':'
    ) {
      if (parts.at(-1) !== keyword) parts.push(keyword);
      operation ??= keyword;
      if (keyword === 'CALL') {
        const procedure: string[] = [];
        for (let j = i + 1; name(tokens[j]) !== null; j += 2) {
          procedure.push(name(tokens[j]) as string);
          if (tokens[j + 1]?.text !== '.') break;
        }
        if (procedure.length > 1) target(procedure.join('.'));
      }
    }
    // A label or type: `:Name` or `|Name` right after `(`, `[`, `|`, another label, or a pattern variable.
    if (t.kind === 'punct' && (t.text === ':' || t.text === '|') && name(tokens[i + 1]) !== null) {
      const inPattern = opener(before) || (name(before) !== null && opener(tokens[i - 2]));
      if (inPattern) target(name(tokens[i + 1]) as string);
    }
  }
  return { operation: operation ?? 'QUERY', text: parts.join(' ') || 'QUERY' };
}

/** The code of an error, for error.type: the project's code or Neo4j's, never its message. */
function errorCode(error: unknown): string {
  if (error && typeof error === 'object') {
    const extensions = (error as { extensions?: { code?: unknown } }).extensions;
    if (typeof extensions?.code === 'string') return extensions.code;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return error instanceof Error ? error.name : 'Error';
}

function roundTripObserver(tracer: Tracer, parent: TraceContext, database: string): RoundTripObserver {
  return {
    roundTrip(statement) {
      const summary = summarizeStatement(statement);
      const span = tracer.startSpan(
        summary.text,
        {
          kind: SpanKind.CLIENT,
          attributes: {
            'db.system': 'neo4j',
            'db.system.name': 'neo4j',
            'db.namespace': database,
            'db.operation.name': summary.operation,
            'db.query.summary': summary.text,
          },
        },
        parent,
      );
      return ({ rows, error }) => {
        if (rows !== undefined) span.setAttribute('db.response.returned_rows', rows);
        if (error !== undefined) {
          const code = errorCode(error);
          span.setAttribute('error.type', code);
          span.setStatus({ code: SpanStatusCode.ERROR, message: code });
        }
        span.end();
      };
    },
  };
}

const HEADERS: TextMapGetter<Map<string, string>> = {
  get: (headers, key) => headers.get(key),
  keys: (headers) => [...headers.keys()],
};

/** The spans' sampler, by OTEL_TRACES_SAMPLER's name. */
async function samplerOf(config: TracingConfig): Promise<Sampler> {
  const { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } =
    await import('@opentelemetry/sdk-trace');
  const [parentBased, root] = config.sampler.startsWith('parentbased_')
    ? [true, config.sampler.slice('parentbased_'.length)]
    : [false, config.sampler];
  const rootSampler =
    root === 'always_on'
      ? new AlwaysOnSampler()
      : root === 'always_off'
        ? new AlwaysOffSampler()
        : new TraceIdRatioBasedSampler(config.samplerRatio);
  return parentBased ? new ParentBasedSampler({ root: rootSampler }) : rootSampler;
}

/**
 * An exporter that says when spans could not be sent (the SDK only tells its diagnostic logger,
 * which is silent unless registered globally): once, then at most once a minute.
 */
function reporting(exporter: SpanExporter, log: Logger): SpanExporter {
  let lastSaid = 0;
  return {
    export(spans, done) {
      exporter.export(spans, (result) => {
        if (result.error && Date.now() - lastSaid > 60_000) {
          lastSaid = Date.now();
          log.warn({ err: result.error, spans: spans.length }, 'could not export trace spans');
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

/** Starts tracing as configured; null (and nothing loaded) when it is off. */
export async function startTracing(config: TracingConfig, database: string, log: Logger): Promise<Tracing | null> {
  if (config.exporter === 'none') return null;
  const [
    { BatchSpanProcessor, ConsoleSpanExporter, TracerProvider },
    { resourceFromAttributes },
    { W3CTraceContextPropagator },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/core'),
  ]);
  const exporter =
    config.exporter === 'console'
      ? new ConsoleSpanExporter()
      : new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter(
          config.endpoint ? { url: config.endpoint } : {},
        );
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': config.serviceName }),
    sampler: await samplerOf(config),
    spanLimits: { attributeValueLengthLimit: MAX_NAME },
    spanProcessors: [
      new BatchSpanProcessor({ exporter: reporting(exporter, log), scheduledDelayMillis: config.batchDelayMs }),
    ],
  });
  const tracer = provider.getTracer('conflict-graph');
  const propagator = new W3CTraceContextPropagator();
  // The origin only: a URL may carry credentials.
  const collector = config.endpoint ? new URL(config.endpoint).origin : undefined;
  log.info({ exporter: config.exporter, collector, sampler: config.sampler }, 'tracing is on');

  const plugin: ApolloServerPlugin<Context> = {
    async requestDidStart({ request, contextValue }) {
      const caller = request.http ? propagator.extract(ROOT_CONTEXT, request.http.headers, HEADERS) : ROOT_CONTEXT;
      const span = tracer.startSpan('graphql', { kind: SpanKind.SERVER }, caller);
      // A request refused before its context existed (a bad key) has no scope.
      if (contextValue?.db) contextValue.db.observer = roundTripObserver(tracer, trace.setSpan(caller, span), database);
      return {
        async willSendResponse({ operation, response, errors: raised, contextValue: context }) {
          const type = operation?.operation;
          // The client names its operation: a name past MAX_NAME is cut, like every attribute.
          const name = operation?.name?.value.slice(0, MAX_NAME);
          span.updateName(type ? `${type}${name ? ` ${name}` : ''}` : 'graphql');
          if (type) span.setAttribute('graphql.operation.type', type);
          if (name) span.setAttribute('graphql.operation.name', name);
          if (context?.db) span.setAttribute('conflict_graph.round_trips', context.db.roundTrips);
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : (raised ?? []);
          const codes = [...new Set(sent.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')))];
          if (codes.length > 0) {
            span.setAttribute('error.type', codes[0] as string);
            span.setAttribute('conflict_graph.error_codes', codes);
            span.setStatus({ code: SpanStatusCode.ERROR, message: codes.join(', ') });
          }
          span.end();
        },
      };
    },
  };
  return { plugin, shutdown: () => provider.shutdown() };
}
