/** The graph filter and the search text, checked without a database. */
import { describe, expect, it } from 'vitest';
import { checkGraphFilter, RELATION_KINDS } from '../../../src/graph/analysis/filter.js';
import { luceneQuery } from '../../../src/graph/analysis/search.js';

const codeOf = (f: () => unknown): string => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return String((e as { extensions?: { code?: string } }).extensions?.code);
  }
};

describe('checkGraphFilter', () => {
  it('follows every domain relationship by default, NAMES never', () => {
    const filter = checkGraphFilter(null);
    expect(filter.kinds).toEqual(RELATION_KINDS);
    expect(filter.kinds).not.toContain('NAMES');
    expect(filter.params).toEqual({ statuses: null, eventTypes: null, from: null, to: null });
  });

  it('narrows to CORROBORATED when confirmedOnly is set, whatever claimStatus says', () => {
    expect(checkGraphFilter({ confirmedOnly: true, claimStatus: ['DISPUTED'] }).params.statuses).toEqual([
      'CORROBORATED',
    ]);
    expect(checkGraphFilter({ claimStatus: ['DISPUTED', 'REPORTED'] }).params.statuses).toEqual([
      'DISPUTED',
      'REPORTED',
    ]);
  });

  it('takes dates as ISO strings or Date objects, and refuses a reversed window', () => {
    expect(checkGraphFilter({ from: new Date('2023-09-17T00:00:00Z') }).params.from).toBe('2023-09-17T00:00:00.000Z');
    expect(codeOf(() => checkGraphFilter({ from: '2023-09-18T00:00:00Z', to: '2023-09-17T00:00:00Z' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  // Any other value is refused by GraphQL itself (the RelationKind enum): tests/e2e/analysis.e2e.test.ts.
  it('follows the kinds asked for, in the allow-list order, and refuses an empty list', () => {
    expect(checkGraphFilter({ relationKinds: ['ALLIED_WITH', 'MEMBER_OF'] }).kinds).toEqual([
      'MEMBER_OF',
      'ALLIED_WITH',
    ]);
    expect(codeOf(() => checkGraphFilter({ relationKinds: [] }))).toBe('BAD_USER_INPUT');
  });
});

describe('luceneQuery', () => {
  it('escapes Lucene syntax and lower-cases words so that AND, OR, NOT are words', () => {
    expect(luceneQuery('Léré')).toBe('léré');
    expect(luceneQuery('CSP-PSD AND (Fama)')).toBe('csp\\-psd and \\(fama\\)');
    expect(luceneQuery('name:csp~2 "x" a/b')).toBe('name\\:csp\\~2 \\"x\\" a\\/b');
    expect(luceneQuery('  +-! * ')).toBeNull();
  });
});
