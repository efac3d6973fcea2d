/**
 * The exports of the article's graph with both datasets' fixtures imported, each checked by an
 * established validator: GeoJSON against GeoJSON's own JSON Schema (ajv), STIX 2.1 by the OASIS
 * validator (stix2-validator, installed by .ci/run), GraphML by an XML parser, CSV by csv-parse;
 * and over HTTP, for the admin role only.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Ajv } from 'ajv';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/interchange/import-dataset.js';
import { ACLED_COLUMNS } from '../../src/interchange/acled.js';
import { PROVENANCE_COLUMNS } from '../../src/interchange/export-csv.js';
import { type ExportRequest, writeExport } from '../../src/interchange/export.js';
import { ARTICLE_LOAD_TIMEOUT_MS, loadArticle } from '../support/graph.js';
import { SLOW_MACHINE, testKeys } from '../support/keys.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { fixture } from './fixtures.js';
import featureCollectionSchema from 'geojson-schema/FeatureCollection.json' with { type: 'json' };

let t: TestServer;
const keys = testKeys();
const writer = { identity: 'test-export' };

async function exported(request: ExportRequest): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await writeExport(t.server.db.scope(120_000), request, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

const COUNT_EVENTS = `MATCH (e:Event) RETURN count(e) AS n`;
const eventCount = async () => Number((await t.server.db.scope().read(COUNT_EVENTS))[0]!.get('n'));

beforeAll(async () => {
  t = await startTestServer({ ...SLOW_MACHINE, API_KEYS: keys.apiKeys });
  await loadArticle(t.server.db);
  for (const [name, format] of [
    ['acled-mali.csv', 'acled'],
    ['ucdp-mali.csv', 'ucdp-ged'],
  ] as const)
    await importDataset(t.server.db, createReadStream(fixture(name)), { format, writer });
}, ARTICLE_LOAD_TIMEOUT_MS);
afterAll(() => t?.stop());

describe('GeoJSON', () => {
  it("is a FeatureCollection valid by GeoJSON's schema, a point per event with its time, precision and statuses", async () => {
    const text = await exported({ format: 'geojson' });
    const collection = JSON.parse(text) as {
      features: { id: string; geometry: { coordinates: number[] } | null; properties: Record<string, unknown> }[];
    };
    const validate = new Ajv({ strict: false }).compile(featureCollectionSchema);
    expect(validate(collection), JSON.stringify(validate.errors)).toBe(true);
    expect(collection.features).toHaveLength(await eventCount());
    const lere = collection.features.find((f) => f.id === 'event:acled:MLI30001')!;
    expect(lere.geometry!.coordinates).toEqual([-4.9042, 15.7153]);
    expect(lere.properties).toMatchObject({
      type: 'BATTLE',
      timePrecision: 'DAY',
      geoPrecision: 'EXACT',
      placeId: 'place:lere',
      status: 'CORROBORATED',
      claimants: 'ACLED',
      sources: 2,
      independentOrigins: 2,
    });
  });

  it('keeps the filters of events', async () => {
    const text = await exported({ format: 'geojson', filter: { types: ['VIOLENCE_AGAINST_CIVILIANS'] } });
    const ids = (JSON.parse(text) as { features: { id: string }[] }).features.map((f) => f.id).sort();
    expect(ids).toEqual(['event:acled:MLI30003', 'event:ucdp:512346']);
  });
});

describe('CSV', () => {
  it("has ACLED's columns then the provenance columns; an ACLED event gives back ACLED's values", async () => {
    const rows = parse(await exported({ format: 'csv' }), { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...ACLED_COLUMNS, ...PROVENANCE_COLUMNS]);
    expect(rows).toHaveLength(await eventCount());
    const bourem = rows.find((r) => r.conflict_graph_id === 'event:acled:MLI30002')!;
    expect(bourem).toMatchObject({
      event_id_cnty: 'MLI30002',
      event_type: 'Battles',
      sub_event_type: 'Armed clash',
      inter1: 'Rebel group',
      fatalities: '10',
      claimants: 'ACLED',
      status: 'REPORTED',
      number_of_sources: '1',
      independent_origins: '1',
    });
    // An event of the article, in ACLED's terms: the acting side first, the place's chain.
    const camp = rows.find((r) => r.conflict_graph_id === 'event:lere-camp-attack')!;
    expect(camp).toMatchObject({
      event_type: 'Battles',
      sub_event_type: 'Non-state actor overtakes territory',
      actor1: 'CSP',
      country: 'Mali',
      admin1: 'Timbuktu region',
      time_precision: '1',
    });
    expect(Number(camp.independent_origins)).toBeGreaterThanOrEqual(2);
  });
});

describe('STIX 2.1', () => {
  it('is a bundle the OASIS validator finds valid, with identities, locations, incidents, reports, notes and opinions', async () => {
    const text = await exported({ format: 'stix' });
    const bundle = JSON.parse(text) as { type: string; objects: { type: string; id: string }[] };
    expect(bundle.type).toBe('bundle');
    const types = new Set(bundle.objects.map((o) => o.type));
    for (const type of ['identity', 'location', 'incident', 'report', 'relationship', 'note', 'opinion'])
      expect(types).toContain(type);
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
    const file = join(mkdtempSync(join(tmpdir(), 'stix-')), 'bundle.json');
    writeFileSync(file, text);
    // The validator exits non-zero on an invalid bundle; execFileSync then throws with its report.
    const report = execFileSync('stix2_validator', ['--silent', file], { encoding: 'utf8' });
    expect(report).not.toMatch(/Invalid/);
  });
});

describe('GraphML', () => {
  it('holds every node and relationship of the graph, or of a neighbourhood', async () => {
    const text = await exported({ format: 'graphml' });
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false }).parse(text) as {
      graphml: { graph: { node: { '@_id': string }[]; edge: { '@_source': string; '@_target': string }[] } };
    };
    const { node, edge } = doc.graphml.graph;
    const ids = new Set(node.map((n) => n['@_id']));
    expect(ids).toContain('actor:csp');
    expect(ids).toContain('event:ucdp:512345');
    for (const e of edge) expect(ids.has(e['@_source']) && ids.has(e['@_target'])).toBe(true);

    const around = await exported({ format: 'graphml', around: { id: 'actor:wagner', depth: 1 } });
    const small = new XMLParser({ ignoreAttributes: false }).parse(around) as typeof doc;
    const aroundIds = [small.graphml.graph.node].flat().map((n) => n['@_id']);
    expect(aroundIds).toContain('actor:wagner');
    expect(aroundIds).toContain('event:acled:MLI30001');
    expect(aroundIds.length).toBeLessThan(ids.size);
  });
});

describe('over HTTP', () => {
  it('streams an export to the admin role, with the filters as parameters', async () => {
    const res = await fetch(`${t.url}/interchange/export?format=geojson&types=BATTLE&from=2023-09-17T00:00:00Z`, {
      headers: { authorization: `Bearer ${keys.admin}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/geo\+json/);
    const body = (await res.json()) as { features: { properties: { type: string; end: string } }[] };
    expect(body.features.length).toBeGreaterThan(0);
    for (const f of body.features) {
      expect(f.properties.type).toBe('BATTLE');
      expect(f.properties.end >= '2023-09-17').toBe(true);
    }
  });

  it('imports a file posted by the admin role and refuses everyone else', async () => {
    const body = `${(await import('node:fs')).readFileSync(fixture('acled-mali.csv'), 'utf8')}`;
    const post = (key?: string) =>
      fetch(`${t.url}/interchange/import?format=acled`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body,
      });
    expect((await post()).status).toBe(401);
    expect((await post(keys.researcher)).status).toBe(403);
    const res = await post(keys.admin);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ rowsRead: 5, eventsUnchanged: 5, eventsCreated: 0 });
    const wrong = await fetch(`${t.url}/interchange/import?format=ucdp-ged`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${keys.admin}` },
      body,
    });
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: { message: string } }).error.message).toMatch(
      /looks like an ACLED export/,
    );
  });
});
