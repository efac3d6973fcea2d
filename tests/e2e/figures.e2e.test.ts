/**
 * Figures by claimant, over HTTP, on the seeded article: a researcher enters the Malian army's
 * communiqué on Bourem (10 of its soldiers killed, 13 injured, 46 attackers killed) and the CSP's
 * own later figures for the same attack, and the event reads them grouped by claimant — beside
 * the "dozens" both sides reported in the article — none corroborated, none overwriting another,
 * the summary a labelled range across claimants, never a sum. The CSP's figures are invented for
 * the test: the point is that a second claimant's numbers sit beside the first's.
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
const ADD_CLAIM = `mutation ($input: AddClaimInput!) {
  addClaim(input: $input) { id status figures { kind of { id } group low high best approximate event { id } } }
}`;

const FIGURES = `query ($id: ID!) {
  event(id: $id) {
    fatalities { known low high best }
    figuresByClaimant {
      claimant { id }
      figures {
        kind of { id } group low high best approximate
        claim { id status assertedBy { id } reportedIn { id } }
      }
    }
    killed: figureRange { kind low high claimants label }
    injured: figureRange(kind: INJURED) { low high claimants label }
  }
}`;

interface FigureView {
  kind: string;
  of: { id: string } | null;
  group: string | null;
  low: number | null;
  high: number | null;
  best: number | null;
  approximate: string | null;
  claim: { id: string; status: string; assertedBy: { id: string }; reportedIn: { id: string }[] };
}
interface Figures {
  event: {
    fatalities: { known: boolean; low: number | null; high: number | null; best: number | null };
    figuresByClaimant: { claimant: { id: string } | null; figures: FigureView[] }[];
    killed: { kind: string; low: number | null; high: number | null; claimants: number; label: string };
    injured: { low: number | null; high: number | null; claimants: number; label: string };
  };
}

/** Each claimant's figures as "kind of-or-group low-high approximate (claim)", for comparing. */
const figuresOf = (read: Figures) =>
  Object.fromEntries(
    read.event.figuresByClaimant.map((g) => [
      g.claimant?.id ?? 'none',
      g.figures.map(
        (f) =>
          `${f.kind} ${f.of?.id ?? f.group} ${f.low ?? '?'}-${f.high ?? '?'} ${f.approximate ?? ''} (${f.claim.id})`,
      ),
    ]),
  );

describe('figures by claimant: Bourem, 12 Sep 2023', () => {
  it('before the follow-up, the event holds the dozens both sides reported, and no number', async () => {
    const read = await ok<Figures>(FIGURES, { id: 'event:bourem-attack' });
    expect(figuresOf(read)).toEqual({
      'actor:csp': ['KILLED UNKNOWN ?-? dozens (claim:bourem-casualties-csp)'],
      'actor:fama': ['KILLED UNKNOWN ?-? dozens (claim:bourem-casualties-fama)'],
    });
    expect(read.event.killed).toMatchObject({ low: null, high: null, claimants: 2 });
    expect(read.event.fatalities).toEqual({ known: false, low: null, high: null, best: null });
  });

  it('enters both claimants’ figures; the event reads them side by side, none overwriting another', async () => {
    await ok(ADD_SOURCE, {
      input: {
        id: 'source:fama-communique-bourem',
        kind: 'OFFICIAL_STATEMENT',
        title: 'FAMa communiqué on the Bourem attack',
        publisher: 'FAMa',
        reliability: 'F',
      },
    });
    await ok(ADD_SOURCE, {
      input: {
        id: 'source:csp-statement-bourem',
        kind: 'SPOKESPERSON',
        title: 'CSP statement on the Bourem attack (test)',
        publisher: 'CSP',
        reliability: 'F',
      },
    });
    const fama = await ok<{ addClaim: { status: string; figures: unknown[] } }>(ADD_CLAIM, {
      input: {
        id: 'claim:bourem-fama-communique-figures',
        text: 'The army says 10 of its soldiers were killed and 13 injured, and 46 attackers killed, in the Bourem attack.',
        assertedBy: { name: 'Malian army' },
        sourceIds: ['source:fama-communique-bourem'],
        events: [{ id: 'event:bourem-attack' }],
        figures: [
          { kind: 'KILLED', of: { id: 'actor:fama' }, low: 10, high: 10 },
          { kind: 'INJURED', of: { id: 'actor:fama' }, low: 13, high: 13 },
          { kind: 'KILLED', of: { name: 'CSP' }, low: 46, high: 46 },
        ],
      },
    });
    expect(fama.addClaim.status).toBe('REPORTED');
    expect(fama.addClaim.figures).toHaveLength(3);
    await ok(ADD_CLAIM, {
      input: {
        id: 'claim:bourem-csp-later-figures',
        text: 'The CSP says it killed between 30 and 40 soldiers at Bourem and lost 2 fighters.',
        assertedBy: { id: 'actor:csp' },
        sourceIds: ['source:csp-statement-bourem'],
        events: [{ id: 'event:bourem-attack' }],
        figures: [
          { kind: 'KILLED', of: { id: 'actor:fama' }, low: 30, high: 40 },
          { kind: 'KILLED', of: { id: 'actor:csp' }, low: 2, high: 2 },
        ],
      },
    });

    const read = await ok<Figures>(FIGURES, { id: 'event:bourem-attack' });
    expect(figuresOf(read)).toEqual({
      'actor:csp': [
        'KILLED UNKNOWN ?-? dozens (claim:bourem-casualties-csp)',
        'KILLED actor:fama 30-40  (claim:bourem-csp-later-figures)',
        'KILLED actor:csp 2-2  (claim:bourem-csp-later-figures)',
      ],
      'actor:fama': [
        'KILLED UNKNOWN ?-? dozens (claim:bourem-casualties-fama)',
        'KILLED actor:fama 10-10  (claim:bourem-fama-communique-figures)',
        'INJURED actor:fama 13-13  (claim:bourem-fama-communique-figures)',
        'KILLED actor:csp 46-46  (claim:bourem-fama-communique-figures)',
      ],
    });
    // None corroborated: each claimant's figures keep their own claim, status and sources.
    const figures = read.event.figuresByClaimant.flatMap((g) => g.figures);
    expect(figures.every((f) => f.claim.status !== 'CORROBORATED')).toBe(true);
    expect(
      figures.every(
        (f) => f.claim.assertedBy.id === read.event.figuresByClaimant.find((g) => g.figures.includes(f))!.claimant!.id,
      ),
    ).toBe(true);
    // The summary: the range across claimants (CSP 32–42, FAMa 56), never their sum.
    expect(read.event.killed).toEqual({
      kind: 'KILLED',
      low: 32,
      high: 56,
      claimants: 2,
      label: '32–56 killed, range across 2 claimants: CSP 32–42 or dozens; FAMa 56 or dozens',
    });
    expect(read.event.injured).toMatchObject({ low: 13, high: 13, claimants: 1 });
    expect(read.event.injured.label).toBe('13 injured, according to 1 claimant: FAMa 13');
    // The deprecated event-level figure is the same range, with no one's best.
    expect(read.event.fatalities).toEqual({ known: true, low: 32, high: 56, best: null });
  });
});

describe('figures: bad input is refused, naming the field, and nothing is written', () => {
  const base = {
    text: 'A figure under test.',
    assertedBy: { id: 'actor:fama' },
    sourceIds: ['source:article'],
    events: [{ id: 'event:bourem-attack' }],
  };
  const cases: [string, Record<string, unknown>, string, string][] = [
    ['low above high', { figures: [{ kind: 'KILLED', low: 12, high: 10 }] }, 'BAD_USER_INPUT', 'input.figures[0].low'],
    ['a negative number', { figures: [{ kind: 'INJURED', low: -1 }] }, 'BAD_USER_INPUT', 'input.figures[0].low'],
    [
      'best outside the range',
      { figures: [{ kind: 'KILLED', low: 1, high: 5, best: 9 }] },
      'BAD_USER_INPUT',
      'input.figures[0].best',
    ],
    ['neither a number nor a word', { figures: [{ kind: 'MISSING' }] }, 'BAD_USER_INPUT', 'input.figures[0].low'],
    [
      'an actor and a group at once',
      { figures: [{ kind: 'KILLED', of: { id: 'actor:fama' }, group: 'CIVILIANS', low: 1 }] },
      'BAD_USER_INPUT',
      'input.figures[0].group',
    ],
    [
      'a figure of an unknown actor',
      { figures: [{ kind: 'KILLED', of: { id: 'actor:nobody' }, low: 3 }] },
      'NOT_FOUND',
      'input.figures[0].of.id',
    ],
    [
      'a figure on a claim that states no event',
      { events: null, about: { eventIds: ['event:bourem-attack'] }, figures: [{ kind: 'KILLED', low: 3 }] },
      'BAD_USER_INPUT',
      'input.figures[0]',
    ],
    [
      'a figure of an event the claim does not state',
      { figures: [{ kind: 'KILLED', low: 3, eventId: 'event:lere-camp-attack' }] },
      'BAD_USER_INPUT',
      'input.figures[0].eventId',
    ],
    [
      'a figure of a claim with several events and no eventId',
      {
        events: [{ id: 'event:bourem-attack' }, { id: 'event:bourem-soldier-capture' }],
        figures: [{ kind: 'CAPTURED', of: { id: 'actor:fama' }, low: 1 }],
      },
      'BAD_USER_INPUT',
      'input.figures[0].eventId',
    ],
  ];
  it.each(cases)('%s', async (_name, change, code, field) => {
    const before = await countGraph(api.server.db);
    const result = await api.gql(ADD_CLAIM, { input: { ...base, ...change } }, keys.researcher);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(result.errors?.[0]?.message).toContain(field);
    expect(await countGraph(api.server.db)).toEqual(before);
  });

  it('updateEvent refuses fatalities and points to figures', async () => {
    const result = await api.gql(
      `mutation ($input: UpdateEventInput!) { updateEvent(input: $input) { id } }`,
      { input: { id: 'event:bourem-attack', fatalities: { low: 1 } } },
      keys.researcher,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.fatalities' });
    expect(result.errors?.[0]?.message).toContain('figures');
  });

  it('the deprecated EventInput.fatalities is written as a KILLED figure of the claim that gives it', async () => {
    const added = await ok<{ addClaim: { figures: unknown[] } }>(ADD_CLAIM, {
      input: {
        text: 'Five people were killed in a clash near Léré (test).',
        assertedBy: { id: 'actor:soukaina-sghir' },
        sourceIds: ['source:article'],
        events: [
          {
            type: 'BATTLE',
            description: 'A clash near Léré (test).',
            place: { id: 'place:lere' },
            fatalities: { low: 4, high: 6, best: 5 },
          },
        ],
      },
    });
    expect(added.addClaim.figures).toEqual([
      expect.objectContaining({
        kind: 'KILLED',
        of: null,
        group: 'UNKNOWN',
        low: 4,
        high: 6,
        best: 5,
        approximate: null,
      }),
    ]);
  });
});
