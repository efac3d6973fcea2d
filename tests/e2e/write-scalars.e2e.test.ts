/**
 * The DateTime and URL scalars through the write path, over HTTP: sent as GraphQL variables (and
 * as literals), they reach input validation as Date and URL objects, not strings. A source's
 * `url` and `publishedAt`, and an event's `time`, must come back as sent (normalised: UTC,
 * the URL's canonical form), through addSource and addClaim and through the bulk importClaims.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetGraph } from '../support/graph.js';
import { SLOW_MACHINE, testKeys, type TestKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';

let api: TestServer;
let keys: TestKeys;

beforeAll(async () => {
  keys = testKeys();
  api = await startTestServer({ API_KEYS: keys.apiKeys, ...SLOW_MACHINE });
  await resetGraph(api.server.db);
});
afterAll(async () => {
  await api?.stop();
});

/** Runs an operation that must succeed, as a researcher, and returns its data. */
async function ok<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await api.gql<T>(query, variables, keys.researcher);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const ADD_SOURCE = /* GraphQL */ `mutation AddSource($input: AddSourceInput!) { addSource(input: $input) { id url publishedAt } }`;
const ADD_CLAIM = /* GraphQL */ `mutation AddClaim($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
const IMPORT = /* GraphQL */ `mutation ImportClaims($input: ImportClaimsInput!) { importClaims(input: $input) { sourcesAdded claimsAdded eventsCreated } }`;
const SOURCE = /* GraphQL */ `query Source($id: ID!) { source(id: $id) { url publishedAt } }`;
const CLAIM = /* GraphQL */ `query Claim($id: ID!) {
  claim(id: $id) {
    reportedIn { id url publishedAt }
    about { ... on Event { id time { start end precision } } }
  }
}`;

interface TimeSpan {
  start: string | null;
  end: string | null;
  precision: string;
}
interface ClaimView {
  reportedIn: { id: string; url: string | null; publishedAt: string | null }[];
  about: { id?: string; time?: TimeSpan }[];
}

describe('DateTime and URL through the write path', () => {
  it('addSource with url and publishedAt as variables stores them and reads them back', async () => {
    const { addSource } = await ok<{ addSource: Record<string, unknown> }>(ADD_SOURCE, {
      input: {
        id: 'source:scalars-rfi',
        kind: 'ARTICLE',
        title: 'RFI report with a URL and a publication time',
        url: 'https://Example.org/rfi/2023/09/18/lere?page=2#top',
        publishedAt: '2023-09-18T08:30:00+02:00',
      },
    });
    expect(addSource).toEqual({
      id: 'source:scalars-rfi',
      url: 'https://example.org/rfi/2023/09/18/lere?page=2#top',
      publishedAt: '2023-09-18T06:30:00.000Z',
    });
    expect((await ok<{ source: unknown }>(SOURCE, { id: 'source:scalars-rfi' })).source).toEqual({
      url: 'https://example.org/rfi/2023/09/18/lere?page=2#top',
      publishedAt: '2023-09-18T06:30:00.000Z',
    });
  });

  it('the same fields as literals in the query text are stored the same way', async () => {
    await ok(/* GraphQL */ `mutation AddSource2 {
      addSource(input: {
        id: "source:scalars-literal", kind: VIDEO, title: "Video with a literal URL",
        url: "https://example.org/video/42", publishedAt: "2023-09-17T23:00:00-01:00"
      }) { id }
    }`);
    expect((await ok<{ source: unknown }>(SOURCE, { id: 'source:scalars-literal' })).source).toEqual({
      url: 'https://example.org/video/42',
      publishedAt: '2023-09-18T00:00:00.000Z',
    });
  });

  it('addClaim with an event time as variables stores the span, and the claim lists its source with its url', async () => {
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:scalars-clash',
        text: 'Fighting around Léré in the afternoon of 17 September.',
        assertedBy: { name: 'Scalar test armed group', kind: 'ARMED_GROUP' },
        sourceIds: ['source:scalars-rfi'],
        events: [
          {
            id: 'event:scalars-clash',
            type: 'BATTLE',
            description: 'Fighting around a town in the afternoon.',
            time: { start: '2023-09-17T14:00:00+01:00', end: '2023-09-17T18:00:00Z', precision: 'HOUR' },
            place: { name: 'Scalar test town', kind: 'TOWN' },
          },
        ],
      },
    });
    const { claim } = await ok<{ claim: ClaimView }>(CLAIM, { id: 'claim:scalars-clash' });
    expect(claim.reportedIn).toEqual([
      {
        id: 'source:scalars-rfi',
        url: 'https://example.org/rfi/2023/09/18/lere?page=2#top',
        publishedAt: '2023-09-18T06:30:00.000Z',
      },
    ]);
    expect(claim.about.filter((node) => node.id === 'event:scalars-clash')).toEqual([
      {
        id: 'event:scalars-clash',
        time: { start: '2023-09-17T13:00:00.000Z', end: '2023-09-17T18:00:00.000Z', precision: 'HOUR' },
      },
    ]);
  });

  it('importClaims carries a source url and an event time as variables through the bulk path', async () => {
    const { importClaims } = await ok<{ importClaims: Record<string, number> }>(IMPORT, {
      input: {
        sources: [
          {
            id: 'source:scalars-import',
            kind: 'OFFICIAL_STATEMENT',
            title: 'Imported communiqué',
            url: 'https://example.org/communique?id=7',
            publishedAt: '2023-09-19T12:00:00Z',
          },
        ],
        claims: [
          {
            id: 'claim:scalars-import',
            text: 'An imported claim with a dated event.',
            assertedBy: { name: 'Scalar test armed group' },
            sourceIds: ['source:scalars-import'],
            events: [
              {
                id: 'event:scalars-import',
                type: 'STRATEGIC_DEVELOPMENT',
                description: 'A communiqué is published.',
                time: { start: '2023-09-19T00:00:00+00:00', precision: 'DAY' },
                place: { name: 'Scalar test town' },
              },
            ],
          },
        ],
      },
    });
    expect(importClaims).toEqual({ sourcesAdded: 1, claimsAdded: 1, eventsCreated: 1 });
    const { claim } = await ok<{ claim: ClaimView }>(CLAIM, { id: 'claim:scalars-import' });
    expect(claim.reportedIn).toEqual([
      {
        id: 'source:scalars-import',
        url: 'https://example.org/communique?id=7',
        publishedAt: '2023-09-19T12:00:00.000Z',
      },
    ]);
    expect(claim.about.find((node) => node.id === 'event:scalars-import')?.time).toMatchObject({
      start: '2023-09-19T00:00:00.000Z',
      precision: 'DAY',
    });
  });

  it('refuses a date-time without a time zone and a relative URL as variables, with a code', async () => {
    const noZone = await api.gql(
      ADD_SOURCE,
      { input: { kind: 'OTHER', title: 'x', publishedAt: '2023-09-18T08:30:00' } },
      keys.researcher,
    );
    const relative = await api.gql(
      ADD_SOURCE,
      { input: { kind: 'OTHER', title: 'x', url: '/rfi/2023' } },
      keys.researcher,
    );
    for (const result of [noZone, relative]) {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
