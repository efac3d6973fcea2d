/**
 * A researcher enters a whole follow-up report in one request (the CSP's attack on the Dioura
 * camp, 28 Sep 2023) over HTTP, on the seeded article, and the graph never guesses: a second
 * Dioura under another region, references by name under a parent, a bare ambiguous name refused
 * with the hierarchies, idempotency keys with a fingerprint, duplicate claims, near-duplicate
 * names, a place merge, corrections, dates as people write them, and errors that name the field.
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

async function ok<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  key = keys.researcher,
): Promise<T> {
  const result = await api.gql<T>(query, variables, key);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

interface RecordView {
  field: string;
  id: string;
  name: string | null;
  outcome: 'CREATED' | 'MATCHED';
}
interface ReportView {
  replayed: boolean;
  sources: RecordView[];
  actors: RecordView[];
  places: RecordView[];
  events: RecordView[];
  claims: RecordView[];
  nearDuplicates: {
    field: string;
    id: string;
    name: string;
    candidates: { id: string; closeName: string; distance: number; hierarchy: string | null }[];
  }[];
}

const RECORD = 'field id name outcome';
const ENTER_REPORT = `mutation ($input: EnterReportInput!) {
  enterReport(input: $input) {
    replayed
    sources { ${RECORD} } actors { ${RECORD} } places { ${RECORD} } events { ${RECORD} } claims { ${RECORD} }
    nearDuplicates { field id name candidates { id closeName distance hierarchy } }
  }
}`;
const ADD_CLAIM = `mutation ($input: AddClaimInput!) { addClaim(input: $input) { id } }`;
const EVENT = `query ($id: ID!) {
  event(id: $id) {
    id type description
    time { start end precision label }
    place { id name hierarchy }
    participants { role actor { id } claims { id } }
  }
}`;
const PLACE = `query ($id: ID!) { place(id: $id) { id name kind hierarchy geonamesId pcode aliases parent { id } } }`;
const HISTORY = `query ($id: ID!) { history(id: $id) { by action targetId changes } }`;

const enter = async (input: Record<string, unknown>, key = keys.researcher) =>
  (await ok<{ enterReport: ReportView }>(ENTER_REPORT, { input }, key)).enterReport;
const byField = (records: RecordView[], field: string) => records.find((r) => r.field === field);

/** The walkthrough of docs/researchers.md: one source, three claims, a new chain of places. */
const DIOURA_REPORT = {
  idempotencyKey: 'report-dioura-2023-09-28',
  sources: [
    {
      id: 'source:csp-statement-dioura-2023-09-28',
      kind: 'OFFICIAL_STATEMENT',
      title: 'CSP statement on the Dioura camp, 28 Sep 2023',
      publisher: 'CSP',
      publishedAt: '2023-09-28T18:00:00Z',
      reliability: 'D',
    },
  ],
  places: [
    { id: 'place:mopti-region', name: 'Mopti region', kind: 'REGION', parentId: 'place:mali', pcode: 'ML05' },
    { id: 'place:tenenkou-circle', name: 'Ténenkou circle', kind: 'CIRCLE', parentId: 'place:mopti-region' },
    { id: 'place:dioura', name: 'Dioura', kind: 'TOWN', parentId: 'place:tenenkou-circle', geonamesId: '2458333' },
  ],
  claims: [
    {
      id: 'claim:dioura-camp-attacked',
      text: 'The CSP attacked the Malian army camp at Dioura on 28 September 2023.',
      assertedBy: { id: 'actor:csp' },
      sourceIds: ['source:csp-statement-dioura-2023-09-28'],
      events: [
        {
          id: 'event:dioura-camp-attack',
          type: 'BATTLE',
          subType: 'ARMED_CLASH',
          time: { start: '2023-09-28' },
          description: 'The CSP attacked the FAMa camp at Dioura.',
          place: { name: 'Dioura camp', kind: 'MILITARY_BASE', parentId: 'place:dioura' },
          participants: [
            { actor: { name: 'CSP' }, role: 'ATTACKER' },
            { actor: { name: 'Malian army' }, role: 'TARGET' },
          ],
        },
      ],
    },
    {
      id: 'claim:dioura-camp-taken',
      text: 'The CSP said it took control of the Dioura camp.',
      assertedBy: { id: 'actor:csp' },
      sourceIds: ['source:csp-statement-dioura-2023-09-28'],
      notIndependentlyVerified: true,
      events: [{ id: 'event:dioura-camp-attack', participants: [{ actor: { id: 'actor:fama' }, role: 'DEFENDER' }] }],
    },
    {
      id: 'claim:dioura-withdrawal',
      text: 'The CSP said it withdrew from Dioura in September 2023.',
      assertedBy: { name: 'Cadre stratégique permanent' },
      sourceIds: ['source:csp-statement-dioura-2023-09-28'],
      events: [
        {
          id: 'event:dioura-withdrawal',
          type: 'STRATEGIC_DEVELOPMENT',
          subType: 'WITHDRAWAL',
          time: { start: '2023-09' },
          description: 'The CSP withdrew from Dioura.',
          place: { name: 'Dioura' },
          participants: [{ actor: { id: 'actor:csp' }, role: 'WITHDRAWING' }],
        },
      ],
    },
  ],
};

const rec = (field: string, id: string, name: string | null, outcome: 'CREATED' | 'MATCHED' = 'CREATED') => ({
  field,
  id,
  name,
  outcome,
});
const DIOURA_ANSWER: ReportView = {
  replayed: false,
  sources: [
    rec('input.sources[0]', 'source:csp-statement-dioura-2023-09-28', 'CSP statement on the Dioura camp, 28 Sep 2023'),
  ],
  actors: [
    rec('input.claims[0].assertedBy', 'actor:csp', null, 'MATCHED'),
    rec('input.claims[0].events[0].participants[0].actor', 'actor:csp', 'CSP', 'MATCHED'),
    rec('input.claims[0].events[0].participants[1].actor', 'actor:fama', 'FAMa', 'MATCHED'),
    rec('input.claims[1].assertedBy', 'actor:csp', null, 'MATCHED'),
    rec('input.claims[1].events[0].participants[0].actor', 'actor:fama', null, 'MATCHED'),
    rec('input.claims[2].assertedBy', 'actor:csp', 'CSP', 'MATCHED'),
    rec('input.claims[2].events[0].participants[0].actor', 'actor:csp', null, 'MATCHED'),
  ],
  places: [
    rec('input.places[0]', 'place:mopti-region', 'Mopti region'),
    rec('input.places[1]', 'place:tenenkou-circle', 'Ténenkou circle'),
    rec('input.places[2]', 'place:dioura', 'Dioura'),
    rec('input.claims[0].events[0].place', 'place:dioura-camp', 'Dioura camp'),
    rec('input.claims[2].events[0].place', 'place:dioura', 'Dioura', 'MATCHED'),
  ],
  events: [
    rec('input.claims[0].events[0]', 'event:dioura-camp-attack', 'The CSP attacked the FAMa camp at Dioura.'),
    rec('input.claims[1].events[0]', 'event:dioura-camp-attack', null, 'MATCHED'),
    rec('input.claims[2].events[0]', 'event:dioura-withdrawal', 'The CSP withdrew from Dioura.'),
  ],
  claims: [
    rec(
      'input.claims[0]',
      'claim:dioura-camp-attacked',
      'The CSP attacked the Malian army camp at Dioura on 28 September 2023.',
    ),
    rec('input.claims[1]', 'claim:dioura-camp-taken', 'The CSP said it took control of the Dioura camp.'),
    rec('input.claims[2]', 'claim:dioura-withdrawal', 'The CSP said it withdrew from Dioura in September 2023.'),
  ],
  nearDuplicates: [],
};

describe('a whole report in one request', () => {
  let report: ReportView;

  it('creates its source, its chain of places, its event and its claims, and says so by id', async () => {
    report = await enter(DIOURA_REPORT);
    // The answer docs/researchers.md shows, whole.
    expect(report).toEqual(DIOURA_ANSWER);
    expect(report.replayed).toBe(false);
    expect(report.sources).toEqual([
      {
        field: 'input.sources[0]',
        id: 'source:csp-statement-dioura-2023-09-28',
        name: 'CSP statement on the Dioura camp, 28 Sep 2023',
        outcome: 'CREATED',
      },
    ]);
    expect(report.places.slice(0, 3)).toEqual([
      { field: 'input.places[0]', id: 'place:mopti-region', name: 'Mopti region', outcome: 'CREATED' },
      { field: 'input.places[1]', id: 'place:tenenkou-circle', name: 'Ténenkou circle', outcome: 'CREATED' },
      { field: 'input.places[2]', id: 'place:dioura', name: 'Dioura', outcome: 'CREATED' },
    ]);
    const camp = byField(report.places, 'input.claims[0].events[0].place')!;
    expect(camp).toMatchObject({ name: 'Dioura camp', outcome: 'CREATED' });
    expect(byField(report.places, 'input.claims[2].events[0].place')).toMatchObject({
      id: 'place:dioura',
      outcome: 'MATCHED',
    });
    expect(byField(report.actors, 'input.claims[0].events[0].participants[1].actor')).toMatchObject({
      id: 'actor:fama',
      outcome: 'MATCHED',
    });
    expect(byField(report.actors, 'input.claims[2].assertedBy')).toMatchObject({ id: 'actor:csp', outcome: 'MATCHED' });
    expect(report.actors.every((a) => a.outcome === 'MATCHED')).toBe(true);
    expect(report.events.map((e) => [e.field, e.outcome])).toEqual([
      ['input.claims[0].events[0]', 'CREATED'],
      ['input.claims[1].events[0]', 'MATCHED'],
      ['input.claims[2].events[0]', 'CREATED'],
    ]);
    expect(report.events[0]!.id).toBe('event:dioura-camp-attack');
    expect(report.claims.map((c) => c.outcome)).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(report.nearDuplicates).toEqual([]);

    // The answer's ids are the graph's.
    const { event } = await ok<{ event: Record<string, unknown> }>(EVENT, { id: 'event:dioura-camp-attack' });
    expect(event).toMatchObject({
      time: {
        start: '2023-09-28T00:00:00.000Z',
        end: '2023-09-28T23:59:59.999Z',
        precision: 'DAY',
        label: '28 Sep 2023',
      },
      place: {
        id: camp.id,
        name: 'Dioura camp',
        hierarchy: 'Dioura camp › Dioura › Ténenkou circle › Mopti region › Mali',
      },
    });
    const participants = (event.participants as { role: string; actor: { id: string } }[]).map((p) => [
      p.role,
      p.actor.id,
    ]);
    expect(participants).toEqual(
      expect.arrayContaining([
        ['ATTACKER', 'actor:csp'],
        ['TARGET', 'actor:fama'],
        ['DEFENDER', 'actor:fama'],
      ]),
    );
    const withdrawal = await ok<{ event: { time: Record<string, unknown> } }>(EVENT, { id: report.events[2]!.id });
    expect(withdrawal.event.time).toEqual({
      start: '2023-09-01T00:00:00.000Z',
      end: '2023-09-30T23:59:59.999Z',
      precision: 'MONTH',
      label: 'Sep 2023',
    });
    const { place } = await ok<{ place: Record<string, unknown> }>(PLACE, { id: 'place:dioura' });
    expect(place).toMatchObject({ geonamesId: '2458333', parent: { id: 'place:tenenkou-circle' } });
  });

  it('records in history everything it did, an event’s creation and participants included', async () => {
    const { history } = await ok<{ history: { action: string; changes: Record<string, unknown> }[] }>(HISTORY, {
      id: 'event:dioura-camp-attack',
    });
    expect(history.map((h) => h.action)).toEqual(['enterReport']);
    expect(history[0]!.changes).toMatchObject({ created: true, type: 'BATTLE' });
    const claimHistory = await ok<{ history: { action: string }[] }>(HISTORY, { id: report.claims[0]!.id });
    expect(claimHistory.history.map((h) => h.action)).toEqual(['enterReport']);
  });

  it('answers a retry with the same key and request with the first answer, writing nothing', async () => {
    const counts = await countGraph(api.server.db);
    const retry = await enter(DIOURA_REPORT);
    expect(retry).toEqual({ ...report, replayed: true });
    expect(await countGraph(api.server.db)).toEqual(counts);
  });

  it('refuses the same key with a different request, naming the key, and writes nothing', async () => {
    const counts = await countGraph(api.server.db);
    const changed = {
      ...DIOURA_REPORT,
      sources: [],
      claims: [{ ...DIOURA_REPORT.claims[1], text: 'Another claim under the same key.' }],
    };
    const result = await api.gql(ENTER_REPORT, { input: changed }, keys.researcher);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      idempotencyKey: 'report-dioura-2023-09-28',
    });
    expect(result.errors?.[0]?.message).toMatch(/report-dioura-2023-09-28.*different enterReport request/);
    expect(await countGraph(api.server.db)).toEqual(counts);
    // The same for a single add.
    const input = {
      idempotencyKey: 'dioura-single',
      text: 'Dioura was calm on 29 September.',
      assertedBy: { id: 'actor:csp' },
      sourceIds: ['source:csp-statement-dioura-2023-09-28'],
    };
    await ok(ADD_CLAIM, { input });
    const again = await api.gql(
      ADD_CLAIM,
      { input: { ...input, text: 'Dioura was calm on 30 September.' } },
      keys.researcher,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses a claim identical to an existing one, naming it, unless it is a separate claim', async () => {
    const { id: _id, ...claim } = DIOURA_REPORT.claims[1]!;
    const result = await api.gql(ADD_CLAIM, { input: claim }, keys.otherResearcher);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'DUPLICATE_CLAIM',
      claimId: report.claims[1]!.id,
      field: 'input',
    });
    const viaReport = await api.gql(ENTER_REPORT, { input: { claims: [claim] } }, keys.researcher);
    expect(viaReport.errors?.[0]?.extensions).toMatchObject({ code: 'DUPLICATE_CLAIM', field: 'input.claims[0]' });
    const separate = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, { input: { ...claim, separateClaim: true } });
    expect(separate.addClaim.id).not.toBe(report.claims[1]!.id);
  });
});

describe('places are identified in their hierarchy', () => {
  it('adds a second Dioura under another region', async () => {
    const { addPlace } = await ok<{ addPlace: { id: string; hierarchy: string } }>(
      `mutation ($input: AddPlaceInput!) { addPlace(input: $input) { id hierarchy } }`,
      { input: { name: 'Dioura', kind: 'TOWN', parentId: 'place:gao-region' } },
    );
    expect(addPlace).toEqual({ id: 'place:dioura-gao-region', hierarchy: 'Dioura › Gao region › Mali' });
    // But not a second one under the same parent.
    const again = await api.gql(
      `mutation ($input: AddPlaceInput!) { addPlace(input: $input) { id } }`,
      { input: { name: 'DIOURA', kind: 'TOWN', parentId: 'place:gao-region' } },
      keys.researcher,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT' });
  });

  it('attaches a claim naming Dioura with its parent to the Dioura under that parent', async () => {
    const { enterReport } = await ok<{ enterReport: ReportView }>(ENTER_REPORT, {
      input: {
        claims: [
          {
            text: 'Gunmen attacked the market of Dioura, Gao region, on 30 September.',
            assertedBy: { id: 'actor:fama' },
            sourceIds: ['source:csp-statement-dioura-2023-09-28'],
            events: [
              {
                type: 'VIOLENCE_AGAINST_CIVILIANS',
                time: { start: '2023-09-30' },
                description: 'Gunmen attacked the market of Dioura (Gao region).',
                place: { name: 'Dioura', parentId: 'place:gao-region' },
              },
            ],
            about: { places: [{ name: 'Dioura', parent: { name: 'Région de Gao' } }] },
          },
        ],
      },
    });
    expect(byField(enterReport.places, 'input.claims[0].events[0].place')).toMatchObject({
      id: 'place:dioura-gao-region',
      outcome: 'MATCHED',
    });
    expect(byField(enterReport.places, 'input.claims[0].about.places[0]')).toMatchObject({
      id: 'place:dioura-gao-region',
    });
    const { event } = await ok<{ event: { place: { id: string } } }>(EVENT, { id: enterReport.events[0]!.id });
    expect(event.place.id).toBe('place:dioura-gao-region');
  });

  it('never attaches to a place the researcher did not name', async () => {
    // A Dioura inside Timbuktu region does not exist: the one in Mopti is not taken for it.
    const result = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'Something happened at Dioura, Timbuktu region.',
          assertedBy: { id: 'actor:fama' },
          sourceIds: ['source:csp-statement-dioura-2023-09-28'],
          about: { places: [{ name: 'Dioura', parentId: 'place:timbuktu-region' }] },
        },
      },
      keys.researcher,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.about.places[0].kind',
    });
    expect(result.errors?.[0]?.message).toMatch(/inside place:timbuktu-region/);
  });

  it('refuses a bare "Dioura", listing both with their whole hierarchy', async () => {
    const result = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'Dioura is calm.',
          assertedBy: { id: 'actor:fama' },
          sourceIds: ['source:csp-statement-dioura-2023-09-28'],
          about: { places: [{ name: 'Dioura' }] },
        },
      },
      keys.researcher,
    );
    const error = result.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'AMBIGUOUS_NAME', field: 'input.about.places[0].name' });
    expect(error?.extensions?.candidates).toEqual(
      expect.arrayContaining([
        { id: 'place:dioura', name: 'Dioura', hierarchy: 'Dioura › Ténenkou circle › Mopti region › Mali' },
        { id: 'place:dioura-gao-region', name: 'Dioura', hierarchy: 'Dioura › Gao region › Mali' },
      ]),
    );
    expect(error?.message).toContain('Dioura › Ténenkou circle › Mopti region › Mali');
  });

  it('finds a place by its gazetteer code', async () => {
    const { enterReport } = await ok<{ enterReport: ReportView }>(ENTER_REPORT, {
      input: {
        claims: [
          {
            text: 'Mopti region was under curfew.',
            assertedBy: { id: 'actor:fama' },
            sourceIds: ['source:csp-statement-dioura-2023-09-28'],
            about: { places: [{ pcode: 'ml05' }, { geonamesId: '2458333' }] },
          },
        ],
      },
    });
    expect(enterReport.places.map((p) => p.id)).toEqual(['place:mopti-region', 'place:dioura']);
  });
});

describe('near-duplicate names are reported', () => {
  it('reports a new actor whose name is a typo of an existing one’s', async () => {
    const report = await enter({
      actors: [{ name: 'Cadre Strategique Permanant', kind: 'COALITION' }],
      claims: [
        {
          text: 'The Cadre Strategique Permanant issued a statement.',
          assertedBy: { name: 'Cadre Strategique Permanant' },
          sourceIds: ['source:csp-statement-dioura-2023-09-28'],
        },
      ],
    });
    expect(report.actors[0]).toMatchObject({ field: 'input.actors[0]', outcome: 'CREATED' });
    expect(report.actors[1]).toMatchObject({ id: report.actors[0]!.id, outcome: 'MATCHED' });
    expect(report.nearDuplicates).toEqual([
      {
        field: 'input.actors[0]',
        id: report.actors[0]!.id,
        name: 'Cadre Strategique Permanant',
        candidates: [{ id: 'actor:csp', closeName: 'cadre strategique permanent', distance: 1, hierarchy: null }],
      },
    ]);
    // Its history keeps the candidates too.
    const { history } = await ok<{ history: { changes: Record<string, unknown> }[] }>(HISTORY, {
      id: report.actors[0]!.id,
    });
    expect(history[0]!.changes.nearDuplicates).toEqual([{ id: 'actor:csp', name: 'CSP', distance: 1 }]);
  });
});

describe('places can be merged', () => {
  it('moves everything to the kept place, keeps both histories, and the merged id keeps resolving', async () => {
    const { addPlace } = await ok<{ addPlace: { id: string } }>(
      `mutation ($input: AddPlaceInput!) { addPlace(input: $input) { id } }`,
      { input: { id: 'place:dioura-town', name: 'Dioura town', kind: 'TOWN', parentId: 'place:tenenkou-circle' } },
    );
    const { addClaim } = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, {
      input: {
        text: 'The market of Dioura town reopened.',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:csp-statement-dioura-2023-09-28'],
        events: [
          {
            id: 'event:dioura-market-reopens',
            type: 'STRATEGIC_DEVELOPMENT',
            description: 'The market reopened.',
            time: { start: '2023-10-02' },
            place: { id: addPlace.id },
          },
        ],
      },
    });
    const MERGE = `mutation ($input: MergePlacesInput!) { mergePlaces(input: $input) { id aliases } }`;
    const refused = await api.gql(MERGE, { input: { keepId: 'place:dioura', mergeId: addPlace.id } }, keys.researcher);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const { mergePlaces } = await ok<{ mergePlaces: { id: string; aliases: string[] } }>(
      MERGE,
      { input: { keepId: 'place:dioura', mergeId: addPlace.id } },
      keys.admin,
    );
    expect(mergePlaces).toEqual({ id: 'place:dioura', aliases: ['Dioura town'] });
    const { event } = await ok<{ event: { place: { id: string } } }>(EVENT, { id: 'event:dioura-market-reopens' });
    expect(event.place.id).toBe('place:dioura');
    const { place } = await ok<{ place: { id: string } }>(PLACE, { id: addPlace.id });
    expect(place.id).toBe('place:dioura');
    const { history } = await ok<{ history: { action: string; targetId: string }[] }>(HISTORY, { id: 'place:dioura' });
    expect(history.map((h) => [h.action, h.targetId])).toEqual(
      expect.arrayContaining([
        ['enterReport', 'place:dioura'],
        ['addPlace', addPlace.id],
        ['mergePlaces', 'place:dioura'],
        ['mergePlaces', addPlace.id],
      ]),
    );
    // A write naming the merged id is told which place to name.
    const stale = await api.gql(
      ADD_CLAIM,
      {
        input: {
          text: 'Dioura town was calm.',
          assertedBy: { id: 'actor:fama' },
          sourceIds: ['source:csp-statement-dioura-2023-09-28'],
          about: { places: [{ id: addPlace.id }] },
        },
      },
      keys.researcher,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', mergedInto: 'place:dioura' });
    expect(addClaim.id).toBeTruthy();
  });
});

describe('corrections', () => {
  it('revises a claim’s text and statements, keeping the previous version in history', async () => {
    const { addClaim } = await ok<{ addClaim: { id: string } }>(ADD_CLAIM, {
      input: {
        text: 'The CSP attacked Dioura camp with drones.',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:csp-statement-dioura-2023-09-28'],
        relations: [{ from: { id: 'actor:csp' }, kind: 'OPPOSES', to: { id: 'actor:mali' } }],
      },
    });
    const REVISE = `mutation ($input: ReviseClaimInput!) { reviseClaim(input: $input) { id text status about { id } } }`;
    const { reviseClaim } = await ok<{ reviseClaim: { text: string; about: { id: string }[] } }>(REVISE, {
      input: {
        claimId: addClaim.id,
        text: 'The CSP attacked the Dioura camp.',
        about: { places: [{ id: 'place:dioura' }] },
        reason: 'The statement mentions no drones.',
      },
    });
    expect(reviseClaim.text).toBe('The CSP attacked the Dioura camp.');
    expect(reviseClaim.about.map((n) => n.id)).toEqual(['place:dioura']);
    const { history } = await ok<{ history: { action: string; changes: Record<string, unknown> }[] }>(HISTORY, {
      id: addClaim.id,
    });
    expect(history.map((h) => h.action)).toEqual(['addClaim', 'reviseClaim']);
    expect(history[1]!.changes).toMatchObject({
      revised: {
        from: { text: 'The CSP attacked Dioura camp with drones.' },
        to: { text: 'The CSP attacked the Dioura camp.' },
      },
      reason: 'The statement mentions no drones.',
    });
  });

  it('adds and removes one alias at a time', async () => {
    const ADD = `mutation ($input: AliasInput!) { addPlaceAlias(input: $input) { aliases } }`;
    const REMOVE = `mutation ($input: AliasInput!) { removePlaceAlias(input: $input) { aliases } }`;
    const added = await ok<{ addPlaceAlias: { aliases: string[] } }>(ADD, {
      input: { id: 'place:tenenkou-circle', alias: 'Cercle de Ténenkou' },
    });
    expect(added.addPlaceAlias.aliases).toEqual(['Cercle de Ténenkou']);
    const removed = await ok<{ removePlaceAlias: { aliases: string[] } }>(REMOVE, {
      input: { id: 'place:tenenkou-circle', alias: 'cercle de tenenkou' },
    });
    expect(removed.removePlaceAlias.aliases).toEqual([]);
    const actor = await ok<{ addActorAlias: { aliases: string[] } }>(
      `mutation ($input: AliasInput!) { addActorAlias(input: $input) { aliases } }`,
      { input: { id: 'actor:fama', alias: 'Armée malienne' } },
    );
    expect(actor.addActorAlias.aliases).toContain('Armée malienne');
    const taken = await api.gql(
      `mutation ($input: AliasInput!) { addActorAlias(input: $input) { aliases } }`,
      { input: { id: 'actor:csp', alias: 'FAMa' } },
      keys.researcher,
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.alias' });
  });
});

describe('errors name the field', () => {
  it('names the path of a bad scalar in the variables', async () => {
    const result = await api.gql(
      ENTER_REPORT,
      {
        input: {
          claims: [
            {
              text: 'x',
              assertedBy: { id: 'actor:csp' },
              sourceIds: ['source:csp-statement-dioura-2023-09-28'],
              events: [{ type: 'BATTLE', description: 'x', time: { start: 'last Thursday' } }],
            },
          ],
        },
      },
      keys.researcher,
    );
    expect(result.status).toBe(400);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.claims[0].events[0].time.start',
    });
    expect(result.errors?.[0]?.message).toMatch(/a day \(2023-09-28\), a month \(2023-09\)/);
  });

  it('names the path of a bad enum value and of a missing field', async () => {
    const bad = await api.gql(
      ADD_CLAIM,
      { input: { text: 'x', assertedBy: { name: 'X', kind: 'GANG' }, sourceIds: ['source:x'] } },
      keys.researcher,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assertedBy.kind' });
    const missing = await api.gql(ADD_CLAIM, { input: { text: 'x', sourceIds: ['source:x'] } }, keys.researcher);
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assertedBy' });
  });
});

describe('importClaims keeps keys and history as every write does', () => {
  const IMPORT = `mutation ($input: ImportClaimsInput!) {
    importClaims(input: $input) { claimsAdded eventsCreated sourcesAdded actorsCreated placesCreated }
  }`;
  const input = {
    idempotencyKey: 'import-dioura-follow-up',
    sources: [{ id: 'source:import-dioura-radio', kind: 'ARTICLE', title: 'Radio report on Dioura' }],
    claims: [
      {
        id: 'claim:import-dioura-patrol',
        text: 'FAMa patrolled Dioura, Mopti region, on 1 October.',
        assertedBy: { id: 'actor:fama' },
        sourceIds: ['source:import-dioura-radio'],
        events: [
          {
            id: 'event:import-dioura-patrol',
            type: 'STRATEGIC_DEVELOPMENT',
            description: 'A FAMa patrol in Dioura.',
            time: { start: '2023-10-01' },
            place: { name: 'Dioura', parentId: 'place:mopti-region' },
            participants: [{ actor: { id: 'actor:fama' }, role: 'OTHER' }],
          },
        ],
        about: { places: [{ name: 'Dioura', parent: { name: 'Région de Gao' } }] },
      },
    ],
  };

  it('answers a retry with the first summary and refuses the key with another import', async () => {
    const first = await ok<{ importClaims: Record<string, number> }>(IMPORT, { input });
    expect(first.importClaims).toMatchObject({ claimsAdded: 1, eventsCreated: 1, sourcesAdded: 1 });
    const counts = await countGraph(api.server.db);
    const retry = await ok<{ importClaims: Record<string, number> }>(IMPORT, { input });
    expect(retry.importClaims).toEqual(first.importClaims);
    expect(await countGraph(api.server.db)).toEqual(counts);
    const other = await api.gql(IMPORT, { input: { ...input, sources: [] } }, keys.researcher);
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countGraph(api.server.db)).toEqual(counts);
  });

  it('records an event’s creation and its participants in history, and its place under the parent named', async () => {
    const { history } = await ok<{ history: { action: string; changes: Record<string, unknown> }[] }>(HISTORY, {
      id: 'event:import-dioura-patrol',
    });
    const { claim } = await ok<{ claim: { about: { id: string }[] } }>(
      `query { claim(id: "claim:import-dioura-patrol") { about { id } } }`,
    );
    // About everything it links: its event, the event's place and participant, and the place it names.
    expect(claim.about.map((n) => n.id).sort()).toEqual([
      'actor:fama',
      'event:import-dioura-patrol',
      'place:dioura',
      'place:dioura-gao-region',
    ]);
    expect(history.map((h) => h.action)).toEqual(['importClaims']);
    expect(history[0]!.changes).toMatchObject({
      created: true,
      type: 'STRATEGIC_DEVELOPMENT',
      place: 'place:dioura',
      participants: [{ actorId: 'actor:fama', role: 'OTHER', claimId: 'claim:import-dioura-patrol' }],
      claimIds: ['claim:import-dioura-patrol'],
    });
  });
});
