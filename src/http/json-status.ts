/**
 * Status codes for `application/json` responses, as the GraphQL over HTTP specification asks:
 * a well-formed request whose document does not parse, does not validate (query limits
 * included) or whose variables do not coerce is answered 200 with its errors when the response
 * is `application/json` — legacy clients read no body from a 4xx. Under
 * `application/graphql-response+json` the same errors keep Apollo's 400. A request that is not
 * well-formed (no query, not JSON, a batch, a possible CSRF) stays 4xx in both.
 *
 * Done at the HTTP edge, on what is about to be sent: the media type Apollo negotiated and the
 * codes of the errors in the body.
 */
import type { RequestHandler } from 'express';

/** Codes of GraphQL request errors: a document or variables the client got wrong. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_DEEP',
  'QUERY_TOO_COSTLY',
  'TOO_MANY_ALIASES',
  'TOO_MANY_TOKENS',
  'TOO_MANY_DIRECTIVES',
]);

function isRequestError(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return false;
  }
  if (typeof parsed !== 'object' || parsed === null || 'data' in parsed) return false;
  const errors = (parsed as { errors?: unknown }).errors;
  return (
    Array.isArray(errors) &&
    errors.length > 0 &&
    errors.every((e: { extensions?: { code?: unknown } }) => REQUEST_ERROR_CODES.has(String(e?.extensions?.code)))
  );
}

export const jsonStatus: RequestHandler = (_req, res, next) => {
  const send = res.send.bind(res);
  res.send = (body?: unknown) => {
    const type = String(res.getHeader('content-type') ?? '');
    if (res.statusCode === 400 && /^application\/json\b/i.test(type) && isRequestError(body)) res.statusCode = 200;
    return send(body);
  };
  next();
};
