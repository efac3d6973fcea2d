/**
 * The project's errors: GraphQL errors with an `extensions.code` and a message that tells the
 * user what to do. Every error a client can see is made here; anything else is masked by
 * `formatError` in server.ts.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  AMBIGUOUS_NAME: 'AMBIGUOUS_NAME',
  CONFLICT: 'CONFLICT',
  // The same idempotency key with a different request: nothing written (idempotency.ts).
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  // A claim identical to an existing one, without separateClaim (claim-duplicates.ts).
  DUPLICATE_CLAIM: 'DUPLICATE_CLAIM',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  QUERY_TIMEOUT: 'QUERY_TIMEOUT',
  WRITE_REFUSED: 'WRITE_REFUSED',
  REQUEST_TIMEOUT: 'REQUEST_TIMEOUT',
  // A transaction that needed more memory than Neo4j lets one have (or than its heap holds).
  QUERY_MEMORY_LIMIT: 'QUERY_MEMORY_LIMIT',
  // An analyst's Cypher that the engine could not stop once started (src/graph/analysis/cypher-guard.ts).
  QUERY_UNBOUNDED: 'QUERY_UNBOUNDED',
  // Too many analysts' queries in flight, counting those still held by the engine past their deadline.
  DATABASE_BUSY: 'DATABASE_BUSY',
  // Query limits (src/http/query-limits.ts): each refusal names the limit it hit.
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY: 'QUERY_TOO_COSTLY',
  TOO_MANY_ALIASES: 'TOO_MANY_ALIASES',
  TOO_MANY_TOKENS: 'TOO_MANY_TOKENS',
  TOO_MANY_DIRECTIVES: 'TOO_MANY_DIRECTIVES',
  BATCHING_DISABLED: 'BATCHING_DISABLED',
  // HTTP refusals made before GraphQL runs (src/http/guards.ts).
  BAD_REQUEST: 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  JSON_TOO_DEEP: 'JSON_TOO_DEEP',
  HEADERS_TOO_LARGE: 'HEADERS_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes whose message was written for the client and may be shown as is. */
export const PUBLIC_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));

export function appError(code: ErrorCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra } });
}

export const badInput = (message: string, field?: string): GraphQLError =>
  appError(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

/** NOT_FOUND naming the id, the field it came in and, when one differs only by case or accents, the id meant. */
export const notFound = (
  what: string,
  id: string,
  { field, suggestion }: { field?: string; suggestion?: string | null } = {},
): GraphQLError =>
  appError(
    ErrorCode.NOT_FOUND,
    `${field ? `${field}: n` : 'N'}o ${what} has the id "${id}".${suggestion ? ` Did you mean ${suggestion}?` : ' Check the id, or look it up with search.'}`,
    { id, ...(field ? { field } : {}), ...(suggestion ? { suggestion } : {}) },
  );

export const databaseUnavailable = (): GraphQLError =>
  appError(
    ErrorCode.DATABASE_UNAVAILABLE,
    'The graph database is not reachable right now. Try again in a few seconds; GET /ready tells when it is back.',
  );

export const queryTimeout = (ms: number): GraphQLError =>
  appError(
    ErrorCode.QUERY_TIMEOUT,
    `The query ran longer than its ${ms} ms limit and was cancelled on the database. Narrow it (fewer hops, a smaller window, a lower limit).`,
  );

export const queryMemoryLimit = (): GraphQLError =>
  appError(
    ErrorCode.QUERY_MEMORY_LIMIT,
    'The query needed more memory than one transaction may use, and was stopped on the database. Narrow it (a LIMIT, fewer hops, no collect() of everything); retrying it as it is will fail again.',
  );

export const requestTimeout = (ms: number): GraphQLError =>
  appError(
    ErrorCode.REQUEST_TIMEOUT,
    `The request ran past its ${ms} ms deadline; its database work was cancelled. Ask for less (a lower first:, fewer nested fields) or split it.`,
  );
