/**
 * Both datasets' fixtures (written from their codebooks) imported into the article's graph and
 * read back through the GraphQL API: places matched within their parents, actors through the
 * mapping file, the dataset as claimant; re-import changes nothing; a revised row is a revision
 * with history; deletions retract; bad rows are refused by line, the rest imported.
 */
import { createReadStream } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset, importDeletions } from '../../src/interchange/import-dataset.js';
import { FileRefusal } from '../../src/interchange/csv-rows.js';
import type { DatasetFormat } from '../../src/interchange/sniff.js';
import { ARTICLE_LOAD_TIMEOUT_MS, countGraph, loadArticle } from '../support/graph.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { SLOW_MACHINE } from '../support/keys.js';
import { fixture } from './fixtures.js';

let t: TestServer;
const writer = { identity: 'test-import' };
const load = (name: string, format: DatasetFormat) =>
  importDataset(t.server.db, createReadStream(fixture(name)), { format, writer });

const EVENT = `query ($id: ID!) {
  event(id: $id) {
    type subType description
    time { start end precision }
    place { id name parent { id } }
    participants { role actor { id name kind } }
    claims(includeRetracted: true) {
      id status retracted retractionReason text quote
      assertedBy { id name kind }
      reportedIn { id publisher kind }
    }
  }
}`;

interface EventRead {
  event: {
    type: string;
    subType: string;
    time: { start: string; end: string; precision: string };
    place: { id: string; name: string; parent: { id: string } | null };
    participants: { role: string; actor: { id: string; name: string; kind: string } }[];
    claims: {
      id: string;
      status: string;
      retracted: boolean;
      retractionReason: string | null;
      text: string;
      assertedBy: { id: string; name: string; kind: string };
      reportedIn: { id: string; publisher: string | null }[];
    }[];
  } | null;
}

const readEvent = async (id: string) => {
  const res = await t.gql<EventRead>(EVENT, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.event!;
};
const roles = (e: EventRead['event']) => e!.participants.map((p) => `${p.actor.id}:${p.role}`).sort();

beforeAll(async () => {
  t = await startTestServer(SLOW_MACHINE);
  await loadArticle(t.server.db);
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(() => t?.stop());

describe('ACLED import', () => {
  it('imports every row as an event asserted by ACLED, matched to the article’s places and actors', async () => {
    const summary = await load('acled-mali.csv', 'acled');
    expect(summary).toMatchObject({
      rowsRead: 5,
      eventsCreated: 5,
      eventsUpdated: 0,
      eventsUnchanged: 0,
      rowsRefused: 0,
    });
    expect(summary.actorsCreated.map((a) => a.name).sort()).toEqual([
      'ACLED',
      'Civilians (Mali)',
      'Farmers (Mali)',
      'Unidentified Armed Group (Mali)',
    ]);

    const lere = await readEvent('event:acled:MLI30001');
    expect(lere).toMatchObject({ type: 'BATTLE', subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY' });
    expect(lere.time).toEqual({ start: '2023-09-17T00:00:00.000Z', end: '2023-09-17T23:59:59.999Z', precision: 'DAY' });
    // "Lere" in ACLED's commune Soboundou is the seed's Léré in Niafunké circle: one place.
    expect(lere.place.id).toBe('place:lere');
    expect(roles(lere)).toEqual(['actor:csp:ATTACKER', 'actor:fama:TARGET', 'actor:wagner:TARGET']);
    expect(lere.claims).toHaveLength(1);
    expect(lere.claims[0]!.assertedBy).toEqual({ id: 'actor:acled', name: 'ACLED', kind: 'ORGANIZATION' });
    expect(lere.claims[0]!.reportedIn.map((s) => s.publisher).sort()).toEqual(['Le Monde', 'Reuters']);
    expect(lere.claims[0]!.status).toBe('CORROBORATED'); // two outlets, two origins

    const acledFigures = await t.gql<{ event: { figureRange: { low: number | null; high: number | null } } }>(
      `query { event(id: "event:acled:MLI30002") { figureRange { low high } } }`,
    );
    expect(acledFigures.data!.event.figureRange).toEqual({ low: 10, high: 10 }); // ACLED's one conservative count
    const bourem = await readEvent('event:acled:MLI30002');
    expect(bourem.place.id).toBe('place:bourem'); // Gao › Bourem › Bourem › Bourem is the seed's Bourem
    expect(roles(bourem)).toEqual(['actor:csp:OTHER', 'actor:fama:OTHER']);

    // New places go under the matched ones: Mopti is a new region of the seed's Mali.
    const mopti = await readEvent('event:acled:MLI30003');
    expect(mopti.place.name).toBe('Diallassagou');
    const places = await t.gql<{ place: { ancestors: { id: string; name: string }[] } }>(
      `query ($id: ID!) { place(id: $id) { ancestors { id name } } }`,
      { id: mopti.place.id },
    );
    expect(places.data!.place.ancestors.map((p) => p.name)).toEqual(['Dourou', 'Bandiagara', 'Mopti', 'Mali']);
    expect(places.data!.place.ancestors.at(-1)!.id).toBe('place:mali');
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await countGraph(t.server.db);
    const summary = await load('acled-mali.csv', 'acled');
    expect(summary).toMatchObject({ rowsRead: 5, eventsCreated: 0, eventsUpdated: 0, eventsUnchanged: 5 });
    expect(summary.actorsCreated).toEqual([]);
    expect(await countGraph(t.server.db)).toEqual(before);
  });

  it('revises a changed row: the old claim retracted with its reason, a new one stated, the history kept', async () => {
    const summary = await load('acled-mali-revised.csv', 'acled');
    expect(summary).toMatchObject({ eventsCreated: 0, eventsUpdated: 1, eventsUnchanged: 0 });
    const lere = await readEvent('event:acled:MLI30001');
    expect(lere.claims).toHaveLength(2);
    const [old, revised] = [lere.claims.find((c) => c.retracted)!, lere.claims.find((c) => !c.retracted)!];
    expect(old.retractionReason).toMatch(/Revised by ACLED/);
    expect(revised.text).toMatch(/4 reported fatalities/);
    expect(roles(lere)).toEqual(['actor:csp:ATTACKER', 'actor:fama:TARGET', 'actor:wagner:TARGET']);
    const history = await t.gql<{
      history: { action: string; changes: { revised?: unknown; changed?: Record<string, unknown> } }[];
    }>(`query { history(id: "event:acled:MLI30001") { action changes } }`);
    const revision = history.data!.history.find((h) => h.changes.revised);
    expect(revision?.action).toBe('importDataset');
    expect(Object.keys(revision!.changes.changed!)).toContain('description');
    // The revision read again changes nothing.
    expect(await load('acled-mali-revised.csv', 'acled')).toMatchObject({ eventsUnchanged: 1, eventsUpdated: 0 });
  });

  it("retracts the dataset's claims about the events its deletions file lists", async () => {
    const deleted = await importDeletions(
      t.server.db,
      createReadStream(fixture('acled-deletions.csv')),
      'acled',
      writer,
    );
    expect(deleted).toEqual({ idsRead: 1, eventsRetracted: 1, claimsRetracted: 1 });
    const event = await readEvent('event:acled:MLI30003');
    expect(event.claims.map((c) => [c.retracted, c.retractionReason])).toEqual([
      [true, 'Deleted by ACLED from its dataset.'],
    ]);
  });

  it('refuses bad rows by line and reason, imports the others, and leaves nothing of the refused', async () => {
    const summary = await load('acled-bad.csv', 'acled');
    expect(summary.eventsCreated).toBe(2);
    expect(summary.refused.map((r) => r.line)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(summary.refused.map((r) => r.reason)).toEqual([
      expect.stringMatching(/has 1 field where the header has 31/),
      expect.stringMatching(/time_precision "4"/),
      expect.stringMatching(/latitude 95.2 is impossible/),
      expect.stringMatching(/event_type "Wars"/),
      expect.stringMatching(/interaction 13 does not agree/),
      expect.stringMatching(/truncated last line/),
    ]);
    expect(await readEvent('event:acled:MLI39001')).not.toBeNull();
    const refused = await t.gql<{ event: unknown }>(`query { event(id: "event:acled:MLI39003") { id } }`);
    expect(refused.data!.event).toBeNull();
  });

  it('refuses at once a file that is not the format named, writing nothing', async () => {
    const before = await countGraph(t.server.db);
    await expect(load('ucdp-mali.csv', 'acled')).rejects.toThrow(FileRefusal);
    await expect(load('acled-missing-columns.csv', 'acled')).rejects.toThrow(/lacks the columns latitude, longitude/);
    expect(await countGraph(t.server.db)).toEqual(before);
  });
});

describe('UCDP GED import', () => {
  it('imports each row with its sides, its sources relaying their originals, and its places matched', async () => {
    const summary = await load('ucdp-mali.csv', 'ucdp-ged');
    expect(summary).toMatchObject({ rowsRead: 3, eventsCreated: 3, rowsRefused: 0 });
    const lere = await readEvent('event:ucdp:512345');
    // "Léré town" in "Niafunké cercle" of "Tombouctou region" is the seed's Léré.
    expect(lere.place.id).toBe('place:lere');
    expect(roles(lere)).toEqual(['actor:csp:OTHER', 'actor:mali:OTHER']);
    expect(lere.claims).toHaveLength(2); // the deaths by side, and the total's low–high
    expect(lere.claims.every((c) => c.assertedBy.id === 'actor:ucdp')).toBe(true);
    // Two articles relaying two original sources: two independent origins.
    expect(lere.claims[0]!.status).toBe('CORROBORATED');
    expect(lere.claims[0]!.reportedIn.map((s) => s.publisher).sort()).toEqual([
      'Agence France Presse',
      'CSP-PSD spokesperson',
      'Malian army',
      'Reuters',
    ]);
    // Deaths by side: side A's are the Malian state's, side B's the CSP's; the range is UCDP's low–high.
    const figures = await t.gql<{
      event: {
        figuresByClaimant: {
          claimant: { id: string };
          figures: {
            kind: string;
            of: { id: string } | null;
            group: string | null;
            low: number | null;
            high: number | null;
            best: number | null;
          }[];
        }[];
        figureRange: { low: number | null; high: number | null };
      };
    }>(
      `query { event(id: "event:ucdp:512345") {
        figuresByClaimant { claimant { id } figures { kind of { id } group low high best } }
        figureRange { low high } } }`,
    );
    expect(figures.errors).toBeUndefined();
    const [ucdp] = figures.data!.event.figuresByClaimant;
    expect(ucdp!.claimant.id).toBe('actor:ucdp');
    expect(
      ucdp!.figures
        .map((f) => [f.of?.id ?? f.group, f.low, f.best, f.high])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['actor:csp', null, 12, null],
      ['actor:mali', null, 5, null],
      ['CIVILIANS', null, 2, null],
      ['UNKNOWN', 15, 19, 30],
    ]);
    expect(figures.data!.event.figureRange).toEqual({ low: 15, high: 30 });
    const menaka = await readEvent('event:ucdp:512347');
    expect(menaka.place.name).toBe('Ménaka region');
    expect(menaka.claims[0]!.reportedIn.map((s) => s.id)).toEqual(['source:ucdp']);
    expect((await readEvent('event:ucdp:512346')).participants.map((p) => p.actor.name).sort()).toEqual([
      'Civilians (Mali)',
      'JNIM',
    ]);
  });

  it('changes nothing when imported again, and refuses the bad rows', async () => {
    const before = await countGraph(t.server.db);
    expect(await load('ucdp-mali.csv', 'ucdp-ged')).toMatchObject({ eventsUnchanged: 3, eventsCreated: 0 });
    expect(await countGraph(t.server.db)).toEqual(before);
    const bad = await load('ucdp-bad.csv', 'ucdp-ged');
    expect(bad.eventsCreated).toBe(1);
    expect(bad.refused.map((r) => [r.line, r.key])).toEqual([
      [3, '519002'],
      [4, '519003'],
      [5, '519004'],
      [6, '519005'],
      [7, '519006'],
    ]);
  });
});
