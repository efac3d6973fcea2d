/**
 * The first of three locks on the analysts' Cypher entry: a lexical check that refuses writes,
 * schema and admin commands, writing procedures and LOAD CSV with a message that names what was
 * refused. It reads the query as Neo4j's lexer does — comments dropped, string literals and
 * `quoted` identifiers taken as values, not keywords — so a keyword split by a comment or hidden
 * in odd casing is seen, and a label or a string that merely spells CREATE is not. The other two
 * locks do not depend on it: EXPLAIN's query type and the READ transaction (see cypher.ts).
 */
import { appError, badInput, ErrorCode } from '../../errors.js';

export type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'param' | 'punct';
export interface Token {
  kind: TokenKind;
  text: string;
}

/** Splits a query into tokens; comments disappear, as they do for the Cypher parser. */
export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    const next = query[i + 1];
    if (/\s/u.test(c)) {
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < query.length && query[i] !== '\n' && query[i] !== '\r') i += 1;
    } else if (c === '/' && next === '*') {
      const end = query.indexOf('*/', i + 2);
      i = end === -1 ? query.length : end + 2;
    } else if (c === "'" || c === '"') {
      let j = i + 1;
      while (j < query.length && query[j] !== c) j += query[j] === '\\' ? 2 : 1;
      tokens.push({ kind: 'string', text: query.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '`') {
      // A backtick inside a quoted identifier is written twice.
      let j = i + 1;
      let text = '';
      while (j < query.length) {
        if (query[j] === '`' && query[j + 1] === '`') {
          text += '`';
          j += 2;
        } else if (query[j] === '`') break;
        else text += query[j++];
      }
      tokens.push({ kind: 'ident', text });
      i = j + 1;
    } else if (c === '$') {
      const m = /^\$(?:[\p{L}\p{N}_]+|`[^`]*`)/u.exec(query.slice(i));
      tokens.push({ kind: 'param', text: m ? m[0] : '$' });
      i += m ? m[0].length : 1;
    } else if (/[\p{L}_]/u.test(c)) {
      const m = /^[\p{L}\p{N}_]+/u.exec(query.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9A-Za-z_.]*/.exec(query.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'number', text: m[0] });
      i += m[0].length;
    } else {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return tokens;
}

/** Clauses that change data or schema, wherever they appear (subqueries included). */
const WRITE_CLAUSES = new Set([
  'CREATE',
  'INSERT',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH',
  'REMOVE',
  'FOREACH',
  'DROP',
  'LOAD',
]);
/** Administration commands: they only ever start a statement. */
const ADMIN_COMMANDS = new Set(['ALTER', 'GRANT', 'DENY', 'REVOKE', 'RENAME', 'START', 'STOP', 'ENABLE', 'TERMINATE']);

/** The procedures an analyst may CALL: schema and full-text lookups that read. */
export const READ_PROCEDURES: ReadonlySet<string> = new Set([
  'db.labels',
  'db.relationshiptypes',
  'db.propertykeys',
  'db.schema.visualization',
  'db.schema.nodetypeproperties',
  'db.schema.reltypeproperties',
  'db.index.fulltext.querynodes',
  'db.index.fulltext.queryrelationships',
]);

export const writeRefused = (what: string) =>
  appError(
    ErrorCode.WRITE_REFUSED,
    `Refused: ${what}. The Cypher entry point only reads (MATCH … RETURN); nothing was run and nothing changed. Researchers change the graph through the addClaim mutations.`,
  );

/** A keyword token: a word that is not a property (n.set), a label or type (:Set), or a map key ({set: 1}). */
function isKeyword(tokens: Token[], i: number, word: string): boolean {
  const t = tokens[i];
  if (t?.kind !== 'word' || t.text.toUpperCase() !== word) return false;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (before?.kind === 'punct' && (before.text === '.' || before.text === ':')) return false;
  return !(after?.kind === 'punct' && after.text === ':' && before?.kind === 'punct' && /[{,]/.test(before.text));
}

/** The dotted name after CALL (`db.createLabel`, `apoc`.`create`.`node`); null for CALL { … }. */
function procedureName(tokens: Token[], i: number): string | null {
  const parts: string[] = [];
  let j = i + 1;
  while (tokens[j]?.kind === 'word' || tokens[j]?.kind === 'ident') {
    parts.push((tokens[j] as Token).text);
    if (tokens[j + 1]?.text !== '.') break;
    j += 2;
  }
  return parts.length > 0 ? parts.join('.') : null;
}

/** Throws WRITE_REFUSED (or BAD_USER_INPUT for what is not a query) when the text is not a plain read. */
export function checkReadOnlyText(query: string): void {
  const tokens = tokenize(query);
  const first = tokens.find((t) => t.kind === 'word')?.text.toUpperCase();
  if (first === 'EXPLAIN' || first === 'PROFILE' || first === 'CYPHER') {
    throw badInput(`Send the query without ${first}: the entry point plans and runs it itself.`, 'query');
  }
  if (first && ADMIN_COMMANDS.has(first)) throw writeRefused(`${first} is an administration command`);
  for (let i = 0; i < tokens.length; i++) {
    for (const clause of WRITE_CLAUSES) {
      if (isKeyword(tokens, i, clause)) {
        const what = clause === 'LOAD' ? 'LOAD CSV reads files and URLs from the server' : `${clause} writes`;
        throw writeRefused(what);
      }
    }
    // IN TRANSACTIONS, IN 4 CONCURRENT TRANSACTIONS …
    if (isKeyword(tokens, i, 'TRANSACTIONS')) {
      throw writeRefused('CALL { … } IN TRANSACTIONS commits batches of writes');
    }
    if (isKeyword(tokens, i, 'TERMINATE')) throw writeRefused('TERMINATE stops other transactions');
    if (isKeyword(tokens, i, 'USE')) {
      throw badInput('USE is not available: the entry point reads the configured database only.', 'query');
    }
    if (isKeyword(tokens, i, 'SHOW')) {
      throw badInput('SHOW commands are not available here; query the graph with MATCH … RETURN.', 'query');
    }
    if (isKeyword(tokens, i, 'CALL')) {
      const name = procedureName(tokens, i);
      if (name !== null && !READ_PROCEDURES.has(name.toLowerCase())) {
        throw writeRefused(
          `the procedure ${name} is not one of the read-only procedures allowed here (${[...READ_PROCEDURES].join(', ')})`,
        );
      }
    }
  }
}
