/**
 * The transaction every mutation runs in: DbScope.write (all or nothing), with two additions.
 *
 * - Each statement is planned once. While a young graph grows, its statistics change fast and
 *   Neo4j would re-plan the write path's statements again and again (measured: the seed load
 *   took 2–4× longer); their plans are index seeks by id or key, which stay right as the graph
 *   grows, so `replan=skip` keeps the first plan.
 * - Concurrent writes that link the same nodes (twenty claims citing one source, naming one new
 *   actor) deadlock now and then; Neo4j aborts one side with a transient error. The driver retries
 *   for a few seconds only, which a busy server outlasts, so the whole write is retried here with
 *   a jittered backoff. Each attempt is a fresh transaction: nothing of a failed one remains.
 */
import { Neo4jError } from 'neo4j-driver';
import { appError, ErrorCode } from '../../errors.js';
import type { DbScope, WriteTx } from '../core/database.js';

const ATTEMPTS = 12;
const BACKOFF_MS = 50;
const MAX_BACKOFF_MS = 2_000;

const transient = (error: unknown) =>
  error instanceof Neo4jError && (error.retriable || error.code.startsWith('Neo.TransientError'));

export async function inOneTransaction<T>(db: DbScope, work: (tx: WriteTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.write((tx) => work({ run: (query, params) => tx.run(`CYPHER replan=skip\n${query}`, params) }));
    } catch (error) {
      if (!transient(error)) throw error;
      if (attempt >= ATTEMPTS) {
        throw appError(
          ErrorCode.CONFLICT,
          'Other writes to the same records kept this one waiting; nothing was written. Retry it (with the same idempotency key, if you gave one).',
        );
      }
      const backoff = Math.min(MAX_BACKOFF_MS, BACKOFF_MS * 2 ** attempt);
      await new Promise((resume) => setTimeout(resume, backoff / 2 + Math.random() * backoff));
    }
  }
}
