/**
 * The one edge where errors are masked: a client sees the project's own coded errors, query-limit
 * refusals and graphql-js/Apollo request errors as they are, and for anything else a generic
 * message while the details go to the log. Never a stack trace, in any environment.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PUBLIC_CODES } from '../errors.js';
import type { Logger } from '../logger.js';
import { limitRefusal } from './query-limits.js';

const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * graphql-js stops coercing variables after 50 errors and adds one error of its own, which carries
 * no code and no variable node, so Apollo cannot tell it is the client's input.
 */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables';

function isVariableErrorLimit(formatted: GraphQLFormattedError, error: unknown): boolean {
  // Not `instanceof GraphQLError`: graphql ships CommonJS and ESM builds, and Apollo and this module
  // may load different ones (they do under Vitest).
  const cause = (error as { originalError?: unknown } | null)?.originalError;
  return formatted.message.startsWith(VARIABLE_ERROR_LIMIT) && !formatted.path && cause === undefined;
}

// graphql-js's coercion errors of variables name the value's path in their message only:
//   Variable "$input" got invalid value "x" at "input.events[0].time.start"; Expected type …
//   Variable "$input" got invalid value {…} at "input.place"; Field "kind" of required type …
const VARIABLE_VALUE =
  /^Variable "\$([A-Za-z_][A-Za-z0-9_]*)" (?:got invalid value .*? at "([^"]+)";|got invalid value|of required type)/s;
const NAMED_FIELD = /; Field "([A-Za-z_][A-Za-z0-9_]*)" (?:of required type|is not defined)/;

/** The path of the variable value a coercion error is about ("input.events[0].time.start"), or null. */
export function variableField(message: string): string | null {
  const match = VARIABLE_VALUE.exec(message);
  if (!match) return null;
  const at = match[2] ?? match[1]!;
  const field = NAMED_FIELD.exec(message)?.[1];
  return field ? `${at}.${field}` : at;
}

export const MASKED_MESSAGE =
  'Something went wrong on our side. It has been logged; try again, and report it if it persists.';

export function formatError(formatted: GraphQLFormattedError, error: unknown, log: Logger): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? '');
  const refusal = limitRefusal(error);
  if (refusal) {
    return {
      message: refusal.message,
      locations: formatted.locations,
      extensions: { code: refusal.code, limit: refusal.limit },
    };
  }
  if (PUBLIC_CODES.has(code) && code !== 'INTERNAL_SERVER_ERROR') {
    const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
    const field = extensions.field === undefined ? variableField(formatted.message) : null;
    return { ...formatted, extensions: field ? { ...extensions, field } : extensions };
  }
  if (isVariableErrorLimit(formatted, error)) {
    return {
      message: 'The variables have too many errors; the first 50 are listed. Fix those and send the request again.',
      extensions: { code: 'BAD_USER_INPUT' },
    };
  }
  if (APOLLO_CODES.has(code))
    return { message: formatted.message, locations: formatted.locations, extensions: { code } };
  log.error({ err: unwrapResolverError(error), path: formatted.path }, 'unexpected error');
  return {
    message: MASKED_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
