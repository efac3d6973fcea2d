/**
 * The one edge where errors are masked: a client sees the project's own coded errors, query-limit
 * refusals and graphql-js/Apollo request errors as they are, and for anything else a generic
 * message while the details go to the log. Never a stack trace, in any environment.
 */
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { PUBLIC_CODES } from './errors.js';
import type { Logger } from './logger.js';
import { limitRefusal } from './plugins/query-limits.js';

const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

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
    return { ...formatted, extensions };
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
