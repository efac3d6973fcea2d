/**
 * The import and the exports over HTTP, for the admin role:
 *
 *   POST /interchange/import?format=acled|ucdp-ged   body: the CSV file, streamed → the summary (JSON)
 *   POST /interchange/import?format=acled&deletions=true   body: a deletions file → what it retracted
 *   GET  /interchange/export?format=geojson|csv|graphml|stix|json  → the file, streamed
 *        with the `events` filters as parameters: types, subTypes (comma-separated), from, to,
 *        placeId, actorId, role, claimStatus; GraphML: around=ID&depth=1..3
 *
 * Errors answer as JSON {error: {code, message}} with the HTTP status of the code.
 */
import express, { type Request, type Response, type Router } from 'express';
import { GraphQLError } from 'graphql';
import { requireRole, type Viewer } from '../auth.js';
import { appError, ErrorCode } from '../errors.js';
import type { Database } from '../graph/core/database.js';
import type { Logger } from '../logger.js';
import { FileRefusal, importDataset, importDeletions } from '../interchange/import-dataset.js';
import { CONTENT_TYPES, EXPORT_FORMATS, EXTENSIONS, ExportRefusal, writeExport } from '../interchange/export.js';
import { DATASET_FORMATS, type DatasetFormat } from '../interchange/sniff.js';
import { MappingError } from '../interchange/mapping.js';

export interface InterchangeOptions {
  db: Database;
  log: Logger;
  /** The viewer the request's key names (null without a key); throws for a key that is not valid. */
  viewerOf: (req: Request) => Viewer | null;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  DATABASE_UNAVAILABLE: 503,
};

const one = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown) =>
  one(v)
    ?.split(',')
    .map((s) => s.trim()) ?? null;

function answerError(res: Response, log: Logger, error: unknown): void {
  let code: string = ErrorCode.INTERNAL_SERVER_ERROR;
  let message = 'The import or export failed. Try again; the server log has the details.';
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    code = error.extensions.code;
    message = error.message;
  } else if (error instanceof FileRefusal || error instanceof ExportRefusal || error instanceof MappingError) {
    code = ErrorCode.BAD_USER_INPUT;
    message = error.message;
  } else log.error({ err: error }, 'interchange request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(STATUS[code] ?? 500).json({ error: { code, message } });
}

export function interchangeRouter({ db, log, viewerOf }: InterchangeOptions): Router {
  const router = express.Router();
  const admin = (req: Request) => requireRole(viewerOf(req), 'admin');

  router.post('/import', async (req, res) => {
    try {
      const writer = admin(req);
      const format = one(req.query.format) as DatasetFormat | null;
      if (!format || !DATASET_FORMATS.includes(format))
        throw appError(ErrorCode.BAD_USER_INPUT, `format must be one of ${DATASET_FORMATS.join(', ')}.`);
      if (one(req.query.deletions) === 'true') {
        res.json(await importDeletions(db, req, format, writer));
        return;
      }
      // The request body is the file, read as it arrives: never the whole of it in memory.
      res.json(await importDataset(db, req, { format, writer }));
    } catch (error) {
      answerError(res, log, error);
    }
  });

  router.get('/export', async (req, res) => {
    try {
      admin(req);
      const format = one(req.query.format) as (typeof EXPORT_FORMATS)[number] | null;
      if (!format || !EXPORT_FORMATS.includes(format))
        throw appError(ErrorCode.BAD_USER_INPUT, `format must be one of ${EXPORT_FORMATS.join(', ')}.`);
      const around = one(req.query.around);
      const request = {
        format,
        filter: {
          types: list(req.query.types),
          subTypes: list(req.query.subTypes),
          from: one(req.query.from),
          to: one(req.query.to),
          placeId: one(req.query.placeId),
          actorId: one(req.query.actorId),
          role: one(req.query.role),
          claimStatus: list(req.query.claimStatus),
        },
        around: around ? { id: around, depth: Number(one(req.query.depth) ?? 1) } : null,
      };
      res.setHeader('content-type', CONTENT_TYPES[format]);
      res.setHeader('content-disposition', `attachment; filename="conflict-graph.${EXTENSIONS[format]}"`);
      // Nothing is sent before the first byte of the export: a refused filter still answers as JSON.
      await writeExport(db.scope(300_000), request, res);
      res.end();
    } catch (error) {
      if (!res.headersSent) {
        res.removeHeader('content-type');
        res.removeHeader('content-disposition');
      }
      answerError(res, log, error);
    }
  });
  return router;
}
