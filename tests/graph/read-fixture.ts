/**
 * TEMPORARY: a subset of the article written with raw Cypher, following src/graph/README.md,
 * with the seed's ids, until tests/support/graph.ts (resetGraph/loadArticle) lands on main.
 */
import { Database } from '../../src/graph/database.js';
import { migrate } from '../../src/graph/migrations.js';
import { nameKey } from '../../src/graph/names.js';
import { testConfig } from '../support/server.js';

export function openTestDatabase(): Database {
  const { neo4j, limits } = testConfig();
  return new Database({
    uri: neo4j.uri as string,
    user: neo4j.user,
    password: neo4j.password,
    database: neo4j.database,
    txTimeoutMs: limits.txTimeoutMs,
  });
}

const actors = [
  {
    id: 'actor:csp',
    name: 'CSP',
    kind: 'COALITION',
    aliases: ['Permanent Strategic Framework', 'Cadre stratégique permanent'],
  },
  {
    id: 'actor:fama',
    name: 'FAMa',
    kind: 'STATE_FORCE',
    aliases: ['Fama', 'Malian Armed Forces', 'Malian army', 'Forces armées maliennes'],
  },
  { id: 'actor:mali', name: 'Mali', kind: 'STATE', aliases: ['Republic of Mali'] },
  { id: 'actor:niger', name: 'Niger', kind: 'STATE', aliases: [] },
  { id: 'actor:burkina-faso', name: 'Burkina Faso', kind: 'STATE', aliases: ['Burkina'] },
  { id: 'actor:wagner', name: 'Wagner', kind: 'PRIVATE_MILITARY_COMPANY', aliases: ['Wagner Group'] },
  {
    id: 'actor:sahel-states-alliance',
    name: 'Sahel States Alliance',
    kind: 'ALLIANCE',
    aliases: ['AES', 'Alliance des États du Sahel'],
  },
  { id: 'actor:soukaina-sghir', name: 'Soukaina Sghir', kind: 'PERSON', aliases: [] },
];
const places = [
  { id: 'place:mali', name: 'Mali', kind: 'COUNTRY', lat: 17.5707, lon: -3.9962, parent: null, aliases: [] },
  {
    id: 'place:timbuktu-region',
    name: 'Timbuktu region',
    kind: 'REGION',
    lat: 16.7735,
    lon: -3.0074,
    parent: 'place:mali',
    aliases: ['Tombouctou region'],
  },
  {
    id: 'place:niafunke-circle',
    name: 'Niafunké circle',
    kind: 'CIRCLE',
    lat: 15.9322,
    lon: -3.9906,
    parent: 'place:timbuktu-region',
    aliases: [],
  },
  {
    id: 'place:lere',
    name: 'Léré',
    kind: 'TOWN',
    lat: 15.7153,
    lon: -4.9042,
    parent: 'place:niafunke-circle',
    aliases: ['Lere'],
  },
  {
    id: 'place:lere-military-camp',
    name: 'Léré military camp',
    kind: 'MILITARY_BASE',
    lat: 15.7153,
    lon: -4.9042,
    parent: 'place:lere',
    aliases: [],
  },
  {
    id: 'place:gao-region',
    name: 'Gao region',
    kind: 'REGION',
    lat: 16.2717,
    lon: -0.0447,
    parent: 'place:mali',
    aliases: [],
  },
  { id: 'place:bourem', name: 'Bourem', kind: 'TOWN', lat: 16.95, lon: -0.35, parent: 'place:gao-region', aliases: [] },
  {
    id: 'place:bourem-fama-base',
    name: 'FAMa base at Bourem',
    kind: 'MILITARY_BASE',
    lat: 16.95,
    lon: -0.35,
    parent: 'place:bourem',
    aliases: [],
  },
];
const sources = [
  {
    id: 'source:csp-spokesperson',
    kind: 'SPOKESPERSON',
    title: 'CSP spokesperson (unnamed), as quoted in the article',
    publisher: 'CSP',
  },
  {
    id: 'source:lere-local-civilians',
    kind: 'LOCAL_CIVILIAN',
    title: 'Local civilian sources in Léré (several, unnamed)',
    publisher: null,
  },
  { id: 'source:security-sources', kind: 'SECURITY_SOURCE', title: 'Security sources (unnamed)', publisher: null },
  {
    id: 'source:article',
    kind: 'ARTICLE',
    title: 'Mali: Fighters from the Permanent Strategic Framework Withdraw from Léré',
    publisher: null,
  },
];
const claims = [
  {
    id: 'claim:bourem-attack',
    text: 'On September 12, the CSP targeted the Malian Armed Forces (Fama) base in Bourem.',
    by: 'actor:soukaina-sghir',
    status: 'REPORTED',
    niv: false,
    supports: [],
    about: ['event:bourem-attack', 'place:bourem'],
  },
  {
    id: 'claim:bourem-casualties-csp',
    text: 'The CSP reported dozens of casualties in the Bourem attack.',
    by: 'actor:csp',
    status: 'UNVERIFIED',
    niv: true,
    supports: [],
    about: ['event:bourem-attack'],
  },
  {
    id: 'claim:sahel-states-alliance-established',
    text: 'On September 16, Mali, Niger and Burkina Faso established the Sahel States Alliance.',
    by: 'actor:soukaina-sghir',
    status: 'REPORTED',
    niv: false,
    supports: [],
    about: ['event:sahel-states-alliance-established', 'actor:sahel-states-alliance'],
  },
  {
    id: 'claim:lere-camp-taken',
    text: 'On Sunday afternoon, September 17, the CSP took control of the Léré military camp “after two hours of combat”.',
    by: 'actor:csp',
    status: 'CORROBORATED',
    niv: false,
    supports: ['source:csp-spokesperson', 'source:lere-local-civilians', 'source:security-sources'],
    about: ['event:lere-camp-attack', 'place:lere'],
  },
  {
    id: 'claim:lere-withdrawal',
    text: 'CSP fighters withdrew from Léré between 2 and 3 a.m.',
    by: 'actor:csp',
    status: 'CORROBORATED',
    niv: false,
    supports: ['source:csp-spokesperson', 'source:lere-local-civilians'],
    about: ['event:lere-withdrawal'],
  },
  {
    id: 'claim:csp-accuses-fama-and-wagner',
    text: 'The CSP accuses the Malian army and its Russian allies from the Wagner Group.',
    by: 'actor:csp',
    status: 'REPORTED',
    niv: false,
    supports: [],
    about: ['event:csp-self-defense-statement'],
  },
];
const events = [
  {
    id: 'event:bourem-attack',
    type: 'BATTLE',
    subType: 'ARMED_CLASH',
    start: '2023-09-12T00:00:00.000Z',
    end: '2023-09-12T23:59:59.999Z',
    precision: 'DAY',
    label: '12 Sep 2023',
    place: 'place:bourem-fama-base',
    claims: ['claim:bourem-attack'],
  },
  {
    id: 'event:sahel-states-alliance-established',
    type: 'STRATEGIC_DEVELOPMENT',
    subType: 'ALLIANCE_FORMED',
    start: '2023-09-16T00:00:00.000Z',
    end: '2023-09-16T23:59:59.999Z',
    precision: 'DAY',
    label: '16 Sep 2023',
    place: null,
    claims: ['claim:sahel-states-alliance-established'],
  },
  {
    id: 'event:lere-camp-attack',
    type: 'BATTLE',
    subType: 'NON_STATE_ACTOR_OVERTAKES_TERRITORY',
    start: '2023-09-17T12:00:00.000Z',
    end: '2023-09-17T18:00:00.000Z',
    precision: 'PART_OF_DAY',
    label: '17 Sep 2023, afternoon',
    place: 'place:lere-military-camp',
    claims: ['claim:lere-camp-taken'],
  },
  {
    id: 'event:lere-withdrawal',
    type: 'STRATEGIC_DEVELOPMENT',
    subType: 'WITHDRAWAL',
    start: '2023-09-18T02:00:00.000Z',
    end: '2023-09-18T03:00:00.000Z',
    precision: 'HOUR',
    label: '18 Sep 2023, 02:00–03:00',
    place: 'place:lere',
    claims: ['claim:lere-withdrawal'],
  },
  {
    id: 'event:csp-self-defense-statement',
    type: 'STRATEGIC_DEVELOPMENT',
    subType: 'STATEMENT',
    start: null,
    end: '2023-09-18T23:59:59.999Z',
    precision: 'UNKNOWN',
    label: 'by 18 Sep 2023 (date not given)',
    place: null,
    claims: ['claim:csp-accuses-fama-and-wagner'],
  },
];
const participations = [
  {
    actor: 'actor:csp',
    event: 'event:bourem-attack',
    role: 'ATTACKER',
    claims: ['claim:bourem-attack'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:fama',
    event: 'event:bourem-attack',
    role: 'TARGET',
    claims: ['claim:bourem-attack'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:mali',
    event: 'event:sahel-states-alliance-established',
    role: 'SIGNATORY',
    claims: ['claim:sahel-states-alliance-established'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:niger',
    event: 'event:sahel-states-alliance-established',
    role: 'SIGNATORY',
    claims: ['claim:sahel-states-alliance-established'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:burkina-faso',
    event: 'event:sahel-states-alliance-established',
    role: 'SIGNATORY',
    claims: ['claim:sahel-states-alliance-established'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:csp',
    event: 'event:lere-camp-attack',
    role: 'ATTACKER',
    claims: ['claim:lere-camp-taken'],
    status: 'CORROBORATED',
  },
  {
    actor: 'actor:fama',
    event: 'event:lere-camp-attack',
    role: 'DEFENDER',
    claims: ['claim:lere-camp-taken'],
    status: 'CORROBORATED',
  },
  {
    actor: 'actor:csp',
    event: 'event:lere-withdrawal',
    role: 'WITHDRAWING',
    claims: ['claim:lere-withdrawal'],
    status: 'CORROBORATED',
  },
  {
    actor: 'actor:csp',
    event: 'event:csp-self-defense-statement',
    role: 'ACCUSER',
    claims: ['claim:csp-accuses-fama-and-wagner'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:fama',
    event: 'event:csp-self-defense-statement',
    role: 'ACCUSED',
    claims: ['claim:csp-accuses-fama-and-wagner'],
    status: 'REPORTED',
  },
  {
    actor: 'actor:wagner',
    event: 'event:csp-self-defense-statement',
    role: 'ACCUSED',
    claims: ['claim:csp-accuses-fama-and-wagner'],
    status: 'REPORTED',
  },
];
const relations = [
  {
    from: 'actor:csp',
    type: 'OPPOSES',
    to: 'actor:fama',
    claims: ['claim:bourem-attack', 'claim:lere-camp-taken', 'claim:csp-accuses-fama-and-wagner'],
    status: 'CORROBORATED',
  },
  {
    from: 'actor:csp',
    type: 'OPPOSES',
    to: 'actor:wagner',
    claims: ['claim:csp-accuses-fama-and-wagner'],
    status: 'REPORTED',
  },
  {
    from: 'actor:fama',
    type: 'ALLIED_WITH',
    to: 'actor:wagner',
    claims: ['claim:csp-accuses-fama-and-wagner'],
    status: 'REPORTED',
  },
  {
    from: 'actor:mali',
    type: 'MEMBER_OF',
    to: 'actor:sahel-states-alliance',
    claims: ['claim:sahel-states-alliance-established'],
    status: 'REPORTED',
  },
  {
    from: 'actor:niger',
    type: 'MEMBER_OF',
    to: 'actor:sahel-states-alliance',
    claims: ['claim:sahel-states-alliance-established'],
    status: 'REPORTED',
  },
  {
    from: 'actor:burkina-faso',
    type: 'MEMBER_OF',
    to: 'actor:sahel-states-alliance',
    claims: ['claim:sahel-states-alliance-established'],
    status: 'REPORTED',
  },
  { from: 'actor:fama', type: 'PART_OF', to: 'actor:mali', claims: ['claim:bourem-attack'], status: 'REPORTED' },
];

export async function loadFixture(db: Database): Promise<void> {
  await migrate(db);
  const scope = db.scope(60_000);
  await scope.write(async (tx) => {
    await tx.run('MATCH (n) DETACH DELETE n');
    await tx.run(
      `UNWIND $actors AS a
       CREATE (:Actor {id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, createdAt: datetime(), updatedAt: datetime()})`,
      { actors },
    );
    await tx.run(`UNWIND $names AS n MATCH (a:Actor {id: n.id}) MERGE (k:Name {key: n.key}) MERGE (k)-[:NAMES]->(a)`, {
      names: actors.flatMap((a) => [a.name, ...a.aliases].map((name) => ({ id: a.id, key: nameKey('Actor', name) }))),
    });
    await tx.run(
      `UNWIND $places AS p
       CREATE (n:Place {id: p.id, name: p.name, kind: p.kind, aliases: p.aliases,
         location: point({latitude: p.lat, longitude: p.lon}), createdAt: datetime(), updatedAt: datetime()})
       WITH n, p MATCH (parent:Place {id: p.parent}) CREATE (n)-[:LOCATED_IN]->(parent)`,
      { places },
    );
    await tx.run(`UNWIND $names AS n MATCH (p:Place {id: n.id}) MERGE (k:Name {key: n.key}) MERGE (k)-[:NAMES]->(p)`, {
      names: places.flatMap((p) => [p.name, ...p.aliases].map((name) => ({ id: p.id, key: nameKey('Place', name) }))),
    });
    await tx.run(
      `UNWIND $sources AS s
       CREATE (:Source {id: s.id, kind: s.kind, title: s.title, publisher: s.publisher, reliability: 'F',
         createdAt: datetime(), updatedAt: datetime()})`,
      { sources },
    );
    await tx.run(`MATCH (a:Source {id: 'source:article'}), (s:Source) WHERE s <> a CREATE (a)-[:CITES]->(s)`);
    await tx.run(
      `UNWIND range(0, size($events) - 1) AS i WITH i, $events[i] AS e
       CREATE (n:Event {id: e.id, type: e.type, subType: e.subType,
         startTime: CASE WHEN e.start IS NULL THEN null ELSE datetime(e.start) END, endTime: datetime(e.end),
         timePrecision: e.precision, timeLabel: e.label, description: e.label,
         createdAt: datetime('2024-01-01T00:00:00Z') + duration({seconds: i}), updatedAt: datetime()})
       WITH n, e MATCH (p:Place {id: e.place}) CREATE (n)-[:OCCURRED_AT {claimIds: e.claims, status: 'REPORTED'}]->(p)`,
      { events },
    );
    await tx.run(
      `UNWIND range(0, size($claims) - 1) AS i WITH i, $claims[i] AS c
       CREATE (n:Claim {id: c.id, text: c.text, status: c.status, notIndependentlyVerified: c.niv, retracted: false,
         createdBy: 'seed', createdAt: datetime('2024-01-01T00:00:00Z') + duration({seconds: i}), updatedAt: datetime()})
       WITH n, c
       MATCH (by:Actor {id: c.by}), (article:Source {id: 'source:article'})
       CREATE (n)-[:ASSERTED_BY]->(by), (n)-[:REPORTED_IN]->(article)
       WITH n, c
       CALL (n, c) { UNWIND c.supports AS sid MATCH (s:Source {id: sid}) CREATE (s)-[:SUPPORTS {at: datetime()}]->(n) }
       CALL (n, c) {
         UNWIND c.about AS aid
         CALL (aid) {
           MATCH (x:Actor {id: aid}) RETURN x UNION MATCH (x:Place {id: aid}) RETURN x UNION MATCH (x:Event {id: aid}) RETURN x
         }
         CREATE (n)-[:ABOUT]->(x)
       }`,
      { claims },
    );
    await tx.run(
      `UNWIND $ps AS p MATCH (a:Actor {id: p.actor}), (e:Event {id: p.event})
       CREATE (a)-[:PARTICIPATED_IN {role: p.role, claimIds: p.claims, status: p.status}]->(e)`,
      { ps: participations },
    );
    for (const r of relations) {
      await tx.run(
        `MATCH (a:Actor {id: $from}), (b:Actor {id: $to}) CREATE (a)-[:${r.type} {claimIds: $claims, status: $status}]->(b)`,
        r,
      );
    }
    await tx.run(
      `MATCH (a:Event {id: 'event:lere-camp-attack'}), (b:Event {id: 'event:lere-withdrawal'})
       CREATE (a)-[:FOLLOWED_BY {claimIds: ['claim:lere-withdrawal'], status: 'CORROBORATED'}]->(b)`,
    );
  });
}
