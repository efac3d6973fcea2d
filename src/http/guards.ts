/**
 * What stands in front of Apollo on /graphql: CORS for the configured origins, the JSON body
 * parser with its size limit, and refusals for what GraphQL should never see (a body that is not
 * JSON, one over the limit, a batch). Every refusal is a GraphQL-shaped JSON body with a code, as
 * the GraphQL over HTTP specification asks; Express's own HTML error page never reaches a client.
 */
import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import cors from 'cors';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Config } from '../config.js';
import { ErrorCode } from '../errors.js';
import type { Logger } from '../logger.js';
import { MASKED_MESSAGE } from './format-error.js';

/** Headers a browser client may send cross-site: content type, keys, and Apollo's CSRF headers. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'neo4j-bookmark',
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
    exposedHeaders: ['neo4j-bookmark'],
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

/**
 * Nothing a client sends legitimately nests deeper than this (an import's claims → events →
 * participants → actor is under 10 levels); deeper JSON would only feed recursive code below.
 */
export const MAX_JSON_DEPTH = 64;

/** The deepest nesting of arrays and objects in a parsed JSON value, counted without recursion. */
export function jsonDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAbove) break;
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** Refuses a body, or GET variables/extensions, nested deeper than MAX_JSON_DEPTH. */
export const shallowJson: RequestHandler = (req, res, next) => {
  const parts: unknown[] = [req.body];
  for (const name of ['variables', 'extensions']) {
    const raw = new URL(req.url, 'http://local').searchParams.get(name);
    if (raw === null) continue;
    try {
      parts.push(JSON.parse(raw));
    } catch {
      // Apollo answers unparseable variables with its own 400.
    }
  }
  if (parts.every((part) => jsonDepth(part, MAX_JSON_DEPTH) <= MAX_JSON_DEPTH)) return next();
  refuse(
    res,
    400,
    ErrorCode.JSON_TOO_DEEP,
    `The request nests JSON more than ${MAX_JSON_DEPTH} levels deep, the limit. Flatten the variables you send.`,
  );
};

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

const CLIENT_ERRORS: Record<string, [number, ErrorCode, string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    ErrorCode.HEADERS_TOO_LARGE,
    'The request line and headers are too large (a long GET query string?). Send the operation as a POST body.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [408, ErrorCode.REQUEST_TIMEOUT, 'The request was not received in time. Send it again.'],
};

/**
 * Answers requests Node's HTTP parser refuses before Express sees them (headers too large,
 * malformed HTTP, a request sent too slowly) with a coded JSON body instead of a bare status.
 */
export function answerClientErrors(http: Server): void {
  http.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && socket.destroyed)) {
      socket.destroy();
      return;
    }
    const [status, code, message] = CLIENT_ERRORS[error.code ?? ''] ?? [
      400,
      ErrorCode.BAD_REQUEST,
      'The request is not valid HTTP. Check the request line and headers.',
    ];
    const body = JSON.stringify({ errors: [{ message, extensions: { code } }] });
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\n` +
        'content-type: application/json; charset=utf-8\r\n' +
        `content-length: ${Buffer.byteLength(body)}\r\n` +
        'connection: close\r\n\r\n' +
        body,
    );
  });
}
