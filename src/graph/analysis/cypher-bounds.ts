/**
 * What Neo4j cannot stop, the analysts' Cypher entry refuses before it runs. An expression that
 * iterates a list — reduce(), a list comprehension, all()/any()/none()/single(), `x IN list` —
 * runs inside one row and never checks for its transaction's timeout or termination: on Neo4j
 * 5.26, `reduce(s = '', x IN range(1, 5000000) | s + 'aaaaaaaaaa')` ran for minutes after its
 * timeout, a core at 100 %, and no memory limit saw it (a growing string is not tracked). So a
 * range() there must have bounds the guard can read (integer literals or parameters) and, with
 * every other such range() of the query multiplied in, at most MAX_ITERATIONS values. A range()
 * that UNWIND turns into rows is left alone: row by row, Neo4j checks the timeout.
 *
 * This bounds what the text says; what it cannot see (iterating a list built by collect()) is
 * held by the request deadline, the transaction memory limit and the cap on analysts' queries in
 * flight.
 */
import { appError, ErrorCode } from '../../errors.js';
import type { Token } from './cypher-guard.js';

/** Values an expression may iterate, over all its range() calls multiplied. */
export const MAX_ITERATIONS = 10_000;

const unbounded = (message: string) =>
  appError(
    ErrorCode.QUERY_UNBOUNDED,
    `${message} Inside an expression (reduce, a list comprehension, x IN …) Neo4j cannot stop the iteration at the timeout, so ranges there are bounded to ${MAX_ITERATIONS} values in all. Iterate larger ranges as rows with UNWIND range(…) AS x; nothing was run.`,
    { limit: MAX_ITERATIONS },
  );

function integerOf(text: string): number | null {
  const digits = text.replace(/_/g, '');
  if (/^\d+$/.test(digits)) return Number(digits);
  if (/^0x[0-9a-f]+$/i.test(digits)) return Number.parseInt(digits.slice(2), 16);
  if (/^0o[0-7]+$/i.test(digits)) return Number.parseInt(digits.slice(2), 8);
  return null;
}

function paramValue(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  if (value && typeof value === 'object' && 'toNumber' in value && typeof value.toNumber === 'function') {
    return Number((value as { toNumber(): number }).toNumber());
  }
  return null;
}

/** The value of one argument if it is an integer literal (signed) or an integer parameter. */
function argumentValue(tokens: Token[], params: Record<string, unknown>): number | null {
  let sign = 1;
  let rest = tokens;
  if (rest[0]?.kind === 'punct' && (rest[0].text === '-' || rest[0].text === '+')) {
    sign = rest[0].text === '-' ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest.length !== 1) return null;
  const only = rest[0] as Token;
  const value =
    only.kind === 'number'
      ? integerOf(only.text)
      : only.kind === 'param'
        ? paramValue(params[only.text.slice(1).replace(/^`|`$/g, '')])
        : null;
  return value === null ? null : sign * value;
}

/** The arguments of the call whose '(' is at `open`, split at top-level commas; and where it ends. */
function callArguments(tokens: Token[], open: number): { args: Token[][]; end: number } {
  const args: Token[][] = [[]];
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'punct' && /[([{]/.test(t.text)) depth += 1;
    if (t.kind === 'punct' && /[)\]}]/.test(t.text)) depth -= 1;
    if (depth === 0) return { args, end: i };
    if (i === open) continue;
    if (depth === 1 && t.kind === 'punct' && t.text === ',') args.push([]);
    else (args[args.length - 1] as Token[]).push(t);
  }
  return { args, end: tokens.length };
}

function spanOf(start: number, end: number, step: number): number {
  if (step === 0) return 0; // Neo4j refuses a zero step itself
  const span = Math.floor((end - start) / step) + 1;
  return span > 0 ? span : 0;
}

/** Throws QUERY_UNBOUNDED when an expression could iterate more than MAX_ITERATIONS values. */
export function checkBoundedIteration(tokens: Token[], params: Record<string, unknown>): void {
  let product = 1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' || t.text.toLowerCase() !== 'range' || tokens[i + 1]?.text !== '(') continue;
    const before = tokens[i - 1];
    if (before?.kind === 'punct' && before.text === '.') continue; // a property or a namespaced function
    if (before?.kind === 'word' && before.text.toUpperCase() === 'UNWIND') continue;
    const { args } = callArguments(tokens, i + 1);
    const values = args.map((arg) => argumentValue(arg, params));
    if (values.length < 2 || values.length > 3 || values.some((v) => v === null)) {
      throw unbounded('This query calls range() with bounds that are not integer literals or parameters.');
    }
    const [start, end, step = 1] = values as number[];
    const span = spanOf(start as number, end as number, step);
    product *= Math.max(span, 1);
    if (product > MAX_ITERATIONS) {
      throw unbounded(
        span > MAX_ITERATIONS
          ? `This query's range(${start}, ${end}${values.length === 3 ? `, ${step}` : ''}) holds ${span} values.`
          : `This query's range() calls, nested, could iterate ${product} values.`,
      );
    }
  }
}
