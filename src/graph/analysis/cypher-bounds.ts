/**
 * What Neo4j cannot stop, the analysts' Cypher entry refuses before it runs. An expression that
 * iterates a list — reduce(), a list comprehension, all()/any()/none()/single() — runs inside one
 * row and never checks for its transaction's timeout or termination: on Neo4j 5.26,
 * `reduce(s = '', x IN range(1, 5000000) | s + 'aaaaaaaaaa')` ran for minutes after its timeout,
 * a core at 100 %, and no memory limit saw it (a growing string is not tracked). Two rules:
 *
 * 1. A range() there must have bounds the guard can read (integer literals or parameters) and,
 *    with every other such range() of the query multiplied in, at most MAX_ITERATIONS values. A
 *    range() that UNWIND turns into rows is left alone: row by row, Neo4j checks the timeout.
 * 2. A list the text does not size (a collect()ed variable, split(), a pattern comprehension's
 *    result: anything but a range(), a list literal, a parameter, or a path's nodes(),
 *    relationships(), a node's keys() or labels()) may be iterated once, not inside another
 *    iteration (nor hold one in its body), and reduce() over it must start from a number. The
 *    same engine kept a core for minutes past a 3 s timeout on each of `reduce(s = '', y IN xs |
 *    s + 'a…')` over 2,000,000 collected values, `[a IN xs | size([b IN xs WHERE b < a])]` over
 *    200,000, a reduce() over split() of a string doubled 22 times, and a bounded range() inside a
 *    comprehension over 1,000,000; while one pass that only counts or maps (`reduce(t = 0, …)`,
 *    `[x IN xs | …]`) is linear in a list the transaction memory limit already bounds.
 *
 * Pattern comprehensions are left alone: Neo4j plans them as operators, which check the timeout.
 * What the text cannot show is held by the request deadline, the transaction memory limit and
 * the cap on analysts' queries in flight.
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

const unsized = (message: string) =>
  appError(
    ErrorCode.QUERY_UNBOUNDED,
    `${message} Inside an expression Neo4j cannot stop an iteration at the timeout, and the size of a list built in the query (collect(), split(), a variable) cannot be seen before it runs. Turn the list into rows with UNWIND … AS x and aggregate them (count, sum, collect), where Neo4j checks the timeout row by row; nothing was run.`,
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

/**
 * Throws QUERY_UNBOUNDED when an expression could iterate more than MAX_ITERATIONS values of
 * range(), or a list the text does not size in more than one linear pass.
 */
export function checkBoundedIteration(tokens: Token[], params: Record<string, unknown>): void {
  checkRanges(tokens, params);
  checkUnsizedIteration(tokens, params);
}

function checkRanges(tokens: Token[], params: Record<string, unknown>): void {
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

/** A path's or a node's own lists: as long as one path or one node's keys, whatever the data. */
const SMALL_LISTS = new Set(['nodes', 'relationships', 'keys', 'labels']);
const QUANTIFIERS = new Set(['all', 'any', 'none', 'single']);

/** How far the text sizes a list: one node's or path's, a range, literal or parameter, or not at all. */
type ListSize = 'small' | 'sized' | 'unsized';

interface Iteration {
  kind: string;
  open: number;
  close: number;
  /** Where the body (the predicate, the projection or the reduction) starts. */
  body: number;
  size: ListSize;
  /** reduce() only: the accumulator starts from a number literal. */
  numeric: boolean;
}

const isPunct = (t: Token | undefined, text: string) => t?.kind === 'punct' && t.text === text;
const isWord = (t: Token | undefined, text: string) => t?.kind === 'word' && t.text.toLowerCase() === text;
const isName = (t: Token | undefined) => t?.kind === 'word' || t?.kind === 'ident';

/** The index of the bracket that closes the one at `open` (the end of the query if none does). */
function closingOf(tokens: Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'punct') continue;
    if (/[([{]/.test(t.text)) depth += 1;
    if (/[)\]}]/.test(t.text)) depth -= 1;
    if (depth === 0) return i;
  }
  return tokens.length;
}

/** The first index in [from, to) at bracket depth 0 whose token matches, or `to`. */
function topLevel(tokens: Token[], from: number, to: number, matches: (t: Token) => boolean): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (depth === 0 && matches(t)) return i;
    if (t.kind === 'punct' && /[([{]/.test(t.text)) depth += 1;
    if (t.kind === 'punct' && /[)\]}]/.test(t.text)) depth -= 1;
  }
  return to;
}

function listSize(tokens: Token[], from: number, to: number, params: Record<string, unknown>): ListSize {
  const first = tokens[from];
  if (to - from === 1 && first?.kind === 'param') {
    const value = params[first.text.slice(1).replace(/^`|`$/g, '')];
    return Array.isArray(value) && value.length <= MAX_ITERATIONS ? 'sized' : 'unsized';
  }
  const wholeCall = isPunct(tokens[from + 1], '(') && closingOf(tokens, from + 1) === to - 1;
  if (first?.kind === 'word' && wholeCall) {
    const name = first.text.toLowerCase();
    if (SMALL_LISTS.has(name)) return 'small';
    if (name === 'range') return 'sized'; // checked by the first rule
  }
  // A list literal: not a comprehension ([x IN …]) nor a pattern comprehension ([(a)--(b) | …]).
  const literal = isPunct(first, '[') && closingOf(tokens, from) === to - 1;
  const comprehension =
    (isName(tokens[from + 1]) && isWord(tokens[from + 2], 'in')) ||
    topLevel(tokens, from + 1, to - 1, (x) => isPunct(x, '|')) < to - 1;
  if (literal && !comprehension) return 'sized';
  return 'unsized';
}

/** The reduce()s, list comprehensions and quantifiers of the query, where their parts lie. */
function iterations(tokens: Token[], params: Record<string, unknown>): Iteration[] {
  const found: Iteration[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (isPunct(tokens[i - 1], '.')) continue;
    const word = t.kind === 'word' ? t.text.toLowerCase() : '';
    if (word === 'reduce' && isPunct(tokens[i + 1], '(')) {
      // reduce(acc = init, x IN list | step)
      const open = i + 1;
      const close = closingOf(tokens, open);
      const comma = topLevel(tokens, open + 1, close, (x) => x.kind === 'punct' && x.text === ',');
      if (!isWord(tokens[comma + 2], 'in')) continue;
      const bar = topLevel(tokens, comma + 3, close, (x) => x.kind === 'punct' && x.text === '|');
      const init = tokens.slice(open + 3, comma).filter((x) => !(isPunct(x, '-') || isPunct(x, '+')));
      found.push({
        kind: 'reduce()',
        open,
        close,
        body: bar,
        size: listSize(tokens, comma + 3, bar, params),
        numeric: init.length === 1 && init[0]?.kind === 'number',
      });
    } else if (
      QUANTIFIERS.has(word) &&
      isPunct(tokens[i + 1], '(') &&
      isName(tokens[i + 2]) &&
      isWord(tokens[i + 3], 'in')
    ) {
      const open = i + 1;
      const close = closingOf(tokens, open);
      const where = topLevel(tokens, i + 4, close, (x) => isWord(x, 'where'));
      found.push({
        kind: `${word}()`,
        open,
        close,
        body: where,
        size: listSize(tokens, i + 4, where, params),
        numeric: false,
      });
    } else if (isPunct(t, '[') && isName(tokens[i + 1]) && isWord(tokens[i + 2], 'in')) {
      const close = closingOf(tokens, i);
      const body = topLevel(tokens, i + 3, close, (x) => isWord(x, 'where') || isPunct(x, '|'));
      found.push({
        kind: 'a list comprehension',
        open: i,
        close,
        body,
        size: listSize(tokens, i + 3, body, params),
        numeric: false,
      });
    }
  }
  return found;
}

/**
 * Throws QUERY_UNBOUNDED when an expression iterates a list the text does not size in a way that
 * is not one linear pass: a reduce() that can grow its value, or an iteration nested with another
 * (a path's or a node's own lists excepted, which are as long as one path).
 */
function checkUnsizedIteration(tokens: Token[], params: Record<string, unknown>): void {
  const all = iterations(tokens, params);
  const inBody = (inner: Iteration, outer: Iteration) => inner.open > outer.body && inner.open < outer.close;
  for (const it of all) {
    if (it.size !== 'unsized') continue;
    if (it.kind === 'reduce()' && !it.numeric) {
      throw unsized(
        "This query's reduce() runs over a list built in the query from a value that is not a number, so every step may grow what it carries.",
      );
    }
    const outer = all.find((other) => other.size !== 'small' && inBody(it, other));
    const inner = all.find((other) => other.size !== 'small' && inBody(other, it));
    if (outer || inner) {
      const [a, b] = outer ? [outer, it] : [it, inner as Iteration];
      throw unsized(
        `This query iterates inside an iteration (${b.kind} inside ${a.kind}), one of them over a list built in the query: the work is the product of their sizes.`,
      );
    }
  }
}
