/**
 * What stands in front of Apollo on /graphql: CORS for the configured origins, the JSON body
 * parser with its size limit, and refusals for what GraphQL should never see (a body that is not
 * JSON, one over the limit, a batch). Every refusal is a GraphQL-shaped JSON body with a code, as
 * the GraphQL over HTTP specification asks; Express's own HTML error page never reaches a client.
 */
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { MASKED_MESSAGE } from '../format-error.js';

/** Headers a browser client may send cross-site: content type, keys, and Apollo's CSRF headers. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/** Writes a refusal as a GraphQL response: `{ errors: [{ message, extensions: { code } }] }`. */
export function refuse(
  res: express.Response,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  res.status(status).set(headers).type('application/json');
  res.send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** CORS: only the origins in CORS_ORIGINS get CORS headers; with none configured, same-origin only. */
export function corsGuard(config: Config): RequestHandler {
  return cors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: 600,
  });
}

/** A POST body must be JSON (the specification's application/json): anything else is 415. */
export const jsonOnly: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  refuse(
    res,
    415,
    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
    'Send GraphQL over POST as JSON: Content-Type: application/json with {"query": "...", "variables": {...}}.',
    { accept: 'application/json' },
  );
};

/** The JSON body parser with the BODY_LIMIT. Its failures are answered by `bodyErrors`. */
export function jsonBody(config: Config): RequestHandler {
  return express.json({ limit: config.limits.bodyLimit });
}

/** Batching is off: one operation per request, so every query limit is a per-request limit. */
export const noBatches: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || !Array.isArray(req.body)) return next();
  refuse(
    res,
    400,
    ErrorCode.BATCHING_DISABLED,
    'This server runs one operation per request (batching is off): send each operation in its own request.',
  );
};

interface HttpError {
  status?: number;
  type?: string;
}

/**
 * Answers the body parser's failures (size, syntax, charset, encoding) with a coded refusal, and
 * anything else that reaches Express's error path with the masked message, logged.
 */
export function bodyErrors(config: Config, log: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const { status, type } = (typeof error === 'object' && error ? error : {}) as HttpError;
    switch (type) {
      case 'entity.too.large':
        return refuse(
          res,
          413,
          ErrorCode.PAYLOAD_TOO_LARGE,
          `The request body is larger than the ${config.limits.bodyLimit} limit (BODY_LIMIT). Send less per request, e.g. split an import into several.`,
        );
      case 'entity.parse.failed':
        return refuse(
          res,
          400,
          ErrorCode.BAD_REQUEST,
          'The request body is not valid JSON. Send {"query": "...", "variables": {...}} as JSON.',
        );
      case 'charset.unsupported':
      case 'encoding.unsupported':
        return refuse(
          res,
          415,
          ErrorCode.UNSUPPORTED_MEDIA_TYPE,
          'Send the body as UTF-8 JSON, uncompressed or gzip/deflate/br compressed.',
        );
      case 'request.aborted':
      case 'request.size.invalid':
      case 'stream.encoding.set':
        return refuse(res, 400, ErrorCode.BAD_REQUEST, 'The request body could not be read in full. Send it again.');
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return refuse(res, status, ErrorCode.BAD_REQUEST, 'The request could not be read. Check its headers and body.');
    }
    log.error({ err: error }, 'unexpected error outside GraphQL');
    refuse(res, 500, ErrorCode.INTERNAL_SERVER_ERROR, MASKED_MESSAGE);
  };
}
