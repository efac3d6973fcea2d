/**
 * Disputes and corroborations have a party, over HTTP, on the seeded article: the CSP, through a
 * claim of its own, disputes the Malian army's account of the Léré attack, and the disputed claim
 * reads who disputes it, through which claim, on which sources; the status rules stay (a
 * contradicted claim is DISPUTED). The follow-up claims are invented for the test. Bad input (a
 * claim disputing itself, an unknown party claim, a source the party's claim does not have) is
 * refused naming the field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_LOAD_TIMEOUT_MS, countGraph, loadArticle } from '../support/graph.js';
import { SLOW_MACHINE, testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
let keys: TestKeys;

beforeAll(async () => {
  keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, ...SLOW_MACHINE });
  await loadArticle(api.server.db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(async () => {
  await api?.stop();
});

async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.gql<T>(query, variables, keys.researcher);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const ADD_SOURCE = `mutation ($input: AddSourceInput!) { addSource(input: $input) { id } }`;
const ADD_CLAIM = `mutation ($input: AddClaimInput!) { addClaim(input: $input) { id status } }`;
const DISPUTE = `mutation ($input: ClaimEvidenceInput!) { disputeClaim(input: $input) { id status } }`;
const CORROBORATE = `mutation ($input: ClaimEvidenceInput!) { corroborateClaim(input: $input) { id status } }`;
const STANCES = `query ($id: ID!) {
  claim(id: $id) {
    status
    contradictingSources { id }
    disputes { party { id } claim { id } sources { id } note }
    corroborations { party { id } claim { id } sources { id } note }
  }
}`;

interface Stance {
  party: { id: string } | null;
  claim: { id: string } | null;
  sources: { id: string }[];
  note: string | null;
}
interface Stances {
  claim: { status: string; contradictingSources: { id: string }[]; disputes: Stance[]; corroborations: Stance[] };
}

describe('a dispute by a party', () => {
  it('the CSP, through its own claim, disputes a FAMa claim; the disputed claim says by whom', async () => {
    await ok(ADD_SOURCE, {
      input: {
        id: 'source:fama-communique-lere',
        kind: 'OFFICIAL_STATEMENT',
        title: 'FAMa communiqué on Léré (test)',
        publisher: 'FAMa',
        reliability: 'F',
      },
    });
    await ok(ADD_SOURCE, {
      input: {
        id: 'source:csp-statement-lere',
        kind: 'SPOKESPERSON',
        title: 'CSP statement on Léré (test)',
        publisher: 'CSP',
        reliability: 'F',
      },
    });
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:fama-repelled-lere',
        text: 'The army says it repelled the attack on the Léré camp (test).',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:fama-communique-lere'],
        about: { eventIds: ['event:lere-camp-attack'] },
      },
    });
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:csp-denies-repelled',
        text: 'The CSP says the army did not repel it: it held the camp until it withdrew (test).',
        assertedBy: { id: 'actor:csp' },
        sourceIds: ['source:csp-statement-lere'],
        about: { claimIds: ['claim:fama-repelled-lere'] },
      },
    });
    const disputed = await ok<{ disputeClaim: { status: string } }>(DISPUTE, {
      input: {
        claimId: 'claim:fama-repelled-lere',
        byClaimId: 'claim:csp-denies-repelled',
        note: 'The CSP denies it.',
      },
    });
    expect(disputed.disputeClaim.status).toBe('DISPUTED');

    const read = await ok<Stances>(STANCES, { id: 'claim:fama-repelled-lere' });
    expect(read.claim.disputes).toEqual([
      {
        party: { id: 'actor:csp' },
        claim: { id: 'claim:csp-denies-repelled' },
        sources: [{ id: 'source:csp-statement-lere' }],
        note: 'The CSP denies it.',
      },
    ]);
    // The party's sources contradict it, so the documented status rule holds.
    expect(read.claim.contradictingSources).toEqual([{ id: 'source:csp-statement-lere' }]);
    expect(read.claim.corroborations).toEqual([]);
  });

  it('a party whose only source reports the disputed claim too still disputes it', async () => {
    // Both claims are the article's: it relays each side and contradicts neither.
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:csp-denies-fama-response',
        text: 'The CSP says the army mounted no response at Léré (test).',
        assertedBy: { id: 'actor:csp' },
        sourceIds: ['source:article'],
      },
    });
    const disputed = await ok<{ disputeClaim: { status: string } }>(DISPUTE, {
      input: { claimId: 'claim:lere-attack-confirmed-by-fama', byClaimId: 'claim:csp-denies-fama-response' },
    });
    expect(disputed.disputeClaim.status).toBe('DISPUTED');
    const read = await ok<Stances>(STANCES, { id: 'claim:lere-attack-confirmed-by-fama' });
    expect(read.claim.contradictingSources).toEqual([]);
    expect(read.claim.disputes).toEqual([
      {
        party: { id: 'actor:csp' },
        claim: { id: 'claim:csp-denies-fama-response' },
        sources: [{ id: 'source:article' }],
        note: null,
      },
    ]);
  });

  it('a corroboration by a party brings its sources; status follows', async () => {
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:fama-confirms-withdrawal',
        text: 'The army confirms the CSP left Léré during the night (test).',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:fama-communique-lere'],
      },
    });
    const corroborated = await ok<{ corroborateClaim: { status: string } }>(CORROBORATE, {
      input: { claimId: 'claim:csp-denies-repelled', byClaimId: 'claim:fama-confirms-withdrawal' },
    });
    // The CSP's statement and the FAMa communiqué: two independent origins.
    expect(corroborated.corroborateClaim.status).toBe('CORROBORATED');
    const read = await ok<Stances>(STANCES, { id: 'claim:csp-denies-repelled' });
    expect(read.claim.corroborations).toEqual([
      {
        party: { id: 'actor:fama' },
        claim: { id: 'claim:fama-confirms-withdrawal' },
        sources: [{ id: 'source:fama-communique-lere' }],
        note: null,
      },
    ]);
  });

  it('a source alone still disputes, with no party', async () => {
    const read = await ok<Stances>(STANCES, { id: 'claim:lere-aircraft-shot-down' });
    expect(read.claim.disputes).toEqual([]);
    await ok(DISPUTE, { input: { claimId: 'claim:lere-aircraft-shot-down', sourceId: 'source:security-sources' } });
    const after = await ok<Stances>(STANCES, { id: 'claim:lere-aircraft-shot-down' });
    expect(after.claim.status).toBe('DISPUTED');
    expect(after.claim.disputes).toEqual([
      { party: null, claim: null, sources: [{ id: 'source:security-sources' }], note: null },
    ]);
  });
});

describe('stances: bad input is refused, naming the field, and nothing is written', () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    [
      'a claim disputing itself',
      { claimId: 'claim:lere-withdrawal', byClaimId: 'claim:lere-withdrawal' },
      'BAD_USER_INPUT',
      'input.byClaimId',
    ],
    [
      'a dispute by an unknown claim',
      { claimId: 'claim:lere-withdrawal', byClaimId: 'claim:nobody' },
      'NOT_FOUND',
      'input.byClaimId',
    ],
    ['a dispute by nobody and nothing', { claimId: 'claim:lere-withdrawal' }, 'BAD_USER_INPUT', 'input.byClaimId'],
    [
      'a source the party’s claim does not have',
      { claimId: 'claim:lere-withdrawal', byClaimId: 'claim:fama-repelled-lere', sourceId: 'source:security-sources' },
      'BAD_USER_INPUT',
      'input.sourceId',
    ],
    [
      'a party claim that corroborates it already',
      { claimId: 'claim:csp-denies-repelled', byClaimId: 'claim:fama-confirms-withdrawal' },
      'BAD_USER_INPUT',
      'input.byClaimId',
    ],
  ];
  it.each(cases)('%s', async (_name, input, code, field) => {
    const before = await countGraph(api.server.db);
    const result = await api.gql(DISPUTE, { input }, keys.researcher);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await countGraph(api.server.db)).toEqual(before);
  });
});
