/**
 * The lexical lock of the Cypher entry, alone (no database): what it sees as a keyword and what
 * it does not, and that generated variations of a write are always refused.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkReadOnlyText, tokenize } from '../../../src/graph/analysis/cypher-guard.js';

const codeOf = (query: string): string => {
  try {
    checkReadOnlyText(query);
    return 'allowed';
  } catch (e) {
    return String((e as { extensions?: { code?: string } }).extensions?.code);
  }
};

describe('the Cypher lexer', () => {
  it('drops comments and keeps strings, quoted identifiers and parameters apart from words', () => {
    const tokens = tokenize(
      "MATCH (n:`CREATE``x`) // SET\nWHERE n.name = 'it''s /* not */ \\' here' RETURN $merge /* DELETE */",
    );
    expect(tokens.filter((t) => t.kind === 'word').map((t) => t.text)).toEqual([
      'MATCH',
      'n',
      'WHERE',
      'n',
      'name',
      'RETURN',
    ]);
    expect(tokens.find((t) => t.kind === 'ident')?.text).toBe('CREATE`x');
    expect(tokens.find((t) => t.kind === 'param')?.text).toBe('$merge');
  });
});

describe('checkReadOnlyText', () => {
  it('allows reads that only spell write words as data', () => {
    for (const query of [
      'MATCH (a:Actor) RETURN a.name',
      "MATCH (a) WHERE a.text CONTAINS 'CREATE' RETURN a",
      'MATCH (a:`SET`)-[:`DELETE`]->(b) RETURN a.set, a.merge',
      'RETURN {create: 1, set: 2} AS m',
      'MATCH (start:Actor) RETURN start',
      'CALL db.labels() YIELD label RETURN label',
      "CALL db.index.fulltext.queryNodes('search_text', 'lere') YIELD node RETURN node",
      'MATCH (a) CALL (a) { MATCH (a)--(b) RETURN count(b) AS n } RETURN n',
      '// CREATE\nMATCH (n) RETURN n /* MERGE */',
    ]) {
      expect(codeOf(query), query).toBe('allowed');
    }
  });

  it('refuses writes, writing procedures and admin commands, whatever the casing or spacing', () => {
    for (const query of [
      'create (n)',
      'MATCH (n)\n\tDeTaCh\n\tDeLeTe n',
      "LOAD CSV FROM 'https://example.org/x.csv' AS r RETURN r",
      'CALL db.createLabel("X")',
      'CALL  DB . CREATELABEL ("X")',
      'CALL apoc.periodic.iterate("a", "b", {})',
      'MATCH (n) CALL { CREATE (m) } RETURN n',
      'UNWIND [1] AS i CALL (i) { RETURN i } IN TRANSACTIONS',
      'GRANT ROLE reader TO bob',
      'TERMINATE TRANSACTIONS "x"',
    ]) {
      expect(codeOf(query), query).toBe('WRITE_REFUSED');
    }
  });

  it('refuses every write keyword in any casing, wherever comments and blanks fall around it', () => {
    const keyword = fc.constantFrom('CREATE', 'MERGE', 'SET', 'DELETE', 'REMOVE', 'FOREACH', 'DROP', 'LOAD', 'INSERT');
    const casing = fc.array(fc.boolean(), { minLength: 7, maxLength: 7 });
    const gap = fc.constantFrom(' ', '\n', '\t', ' /* x */ ', ' // y\n', '/**/');
    fc.assert(
      fc.property(keyword, casing, gap, gap, (word, upper, before, after) => {
        const cased = [...word].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase())).join('');
        expect(codeOf(`MATCH (n)${before}${cased}${after}(m)`)).toBe('WRITE_REFUSED');
      }),
    );
  });
});
