/**
 * The analysts' read-only Cypher entry point: a query and JSON parameters in, JSON rows out,
 * within a timeout and a row cap. Three locks, each enough on its own to stop a write:
 *   1. a lexical check (cypher-guard.ts) that refuses write clauses, schema and admin commands,
 *      writing procedures and LOAD CSV with a clear message;
 *   2. EXPLAIN first, in the same transaction: a plan whose query type is not 'r' is refused;
 *   3. the transaction itself is READ (session access mode READ, executeRead), so Neo4j refuses
 *      any write the first two missed.
 * Refusals are WRITE_REFUSED and nothing runs. Rows stream and stop at the cap, so a query that
 * matches millions of rows costs the cap, and Neo4j cancels it at the timeout. What Neo4j cannot
 * cancel (an expression iterating a huge list checks for no timeout) is refused up front, and the
 * request is answered at its deadline whatever the engine does (DbScope.transaction).
 */
import { Neo4jError, type ManagedTransaction, type QueryResult } from 'neo4j-driver';
import { appError, badInput, ErrorCode } from '../../errors.js';
import { translateDatabaseError, type DbScope, type RoundTripEnd } from '../core/database.js';
import { checkBoundedIteration } from './cypher-bounds.js';
import { checkReadOnlyText, tokenize, writeRefused } from './cypher-guard.js';
import { toCypherParams, toJson, type Json } from './cypher-values.js';

export const MAX_QUERY_LENGTH = 20_000;

/**
 * While this many transactions are held by the engine past their deadline (a query Neo4j does
 * not stop), analysts' queries are refused: one runaway may keep a core, the next would take
 * the engine from everyone else.
 */
export const MAX_ABANDONED = 1;

export interface CypherLimits {
  timeoutMs: number;
  maxRows: number;
}

export interface CypherResultObject {
  columns: string[];
  rows: { [column: string]: Json }[];
  truncated: boolean;
}

/** Neo4j's own refusal of a write in a READ transaction. */
function isAccessModeError(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code === 'Neo.ClientError.Statement.AccessMode' || /read access mode|read-only/i.test(error.message))
  );
}

/** The user's own mistakes (syntax, unknown function, bad argument) are theirs to see and fix. */
function userError(error: unknown): Error | null {
  if (!(error instanceof Neo4jError)) return null;
  if (!error.code.startsWith('Neo.ClientError.Statement.') && !error.code.startsWith('Neo.ClientError.Procedure.')) {
    return null;
  }
  const message = error.message.split('\n')[0]?.slice(0, 500) ?? 'invalid query';
  return badInput(`Neo4j could not run the query: ${message}`, 'query');
}

/** Which locks are on. All of them, always, except in the tests that prove each one holds alone. */
export interface CypherLocks {
  text: boolean;
  plan: boolean;
  readTransaction: boolean;
}
const ALL_LOCKS: CypherLocks = { text: true, plan: true, readTransaction: true };

async function runGuarded(
  tx: ManagedTransaction,
  query: string,
  params: Record<string, unknown>,
  maxRows: number,
  planLock: boolean,
  roundTrip: (statement: string) => RoundTripEnd,
): Promise<CypherResultObject> {
  if (planLock) {
    const explain = `EXPLAIN ${query}`;
    const planned = roundTrip(explain);
    let plan: QueryResult;
    try {
      plan = await tx.run(explain, params);
      planned({ rows: 0 });
    } catch (error) {
      planned({ error });
      throw error;
    }
    if (plan.summary.queryType !== 'r') {
      throw writeRefused(`the plan of this query ${plan.summary.queryType === 's' ? 'changes the schema' : 'writes'}`);
    }
  }
  const end = roundTrip(query);
  const result = tx.run(query, params);
  const rows: CypherResultObject['rows'] = [];
  let columns: string[] = [];
  let truncated = false;
  try {
    for await (const record of result) {
      if (rows.length === maxRows) {
        // Leaving the loop discards the rest of the stream on the server.
        truncated = true;
        break;
      }
      columns = record.keys as string[];
      rows.push(Object.fromEntries(record.keys.map((k) => [String(k), toJson(record.get(k))])));
    }
    if (rows.length === 0) columns = (await result.keys()) as string[];
  } catch (error) {
    end({ error });
    throw error;
  }
  end({ rows: rows.length });
  return { columns, rows, truncated };
}

/** Runs an analyst's query read-only; WRITE_REFUSED for anything that would change the graph. */
export async function runReadOnlyCypher(
  scope: DbScope,
  query: string,
  rawParams: unknown,
  limits: CypherLimits,
  locks: CypherLocks = ALL_LOCKS,
): Promise<CypherResultObject> {
  if (query.trim() === '') throw badInput('Send a Cypher query, e.g. MATCH (a:Actor) RETURN a.name LIMIT 5.', 'query');
  if (query.length > MAX_QUERY_LENGTH)
    throw badInput(`The query is longer than ${MAX_QUERY_LENGTH} characters.`, 'query');
  if (locks.text) checkReadOnlyText(query);
  const params = toCypherParams(rawParams);
  if (locks.text) checkBoundedIteration(tokenize(query), params);
  if (scope.db.abandoned >= MAX_ABANDONED) {
    throw appError(
      ErrorCode.DATABASE_BUSY,
      "An earlier Cypher query is still held by the database past its deadline; analysts' queries are paused until it ends. Try again in a minute.",
    );
  }
  const work = (tx: ManagedTransaction) =>
    runGuarded(tx, query, params, limits.maxRows, locks.plan, (statement) => scope.roundTrip(statement));
  // CYPHER_TIMEOUT_MS, or less when the request's own deadline is nearer; answered by then.
  const budget = scope.budget(limits.timeoutMs);
  try {
    return await scope.transaction(
      {
        mode: locks.readTransaction ? 'READ' : 'WRITE',
        timeoutMs: limits.timeoutMs,
        // One batch a little over the cap: the server never computes far past what is kept.
        fetchSize: Math.min(limits.maxRows + 1, 1_000),
      },
      work,
    );
  } catch (error) {
    if (isAccessModeError(error)) throw writeRefused('Neo4j refused a write in this read-only transaction');
    throw userError(error) ?? translateDatabaseError(error, budget.ms, budget.timedOut);
  }
}
