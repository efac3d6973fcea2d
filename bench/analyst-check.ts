/**
 * The analysts' queries on a generated graph: one request of each kind (path, neighbourhood,
 * timeline, eventsNear, search, eventStats, read-only Cypher), each aimed at the busiest nodes, and
 * a check of its answer — ordered, within the radius, within the caps (a hub's neighbourhood is
 * cut at its limit and says so; paths stay within their hop and count limits), a write through
 * the Cypher entry refused and nothing written. `npm run bench` runs it on the benchmark's graph
 * and prints the answers; tests/perf/analyst-generated.e2e.test.ts runs it on a smaller one.
 */
import { MAX_PATHS } from '../src/graph/analysis/path.js';
import type { AnalystPicks } from './picks.js';

export interface AnalystCheck {
  name: string;
  /** What was asked and what came back, in a line. */
  summary: string;
  /** Why the answer is wrong; null when it is right. */
  failure: string | null;
  milliseconds: number;
  roundTrips: number | null;
}

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { roundTrips?: number };
}

interface GraphNode {
  id: string;
}
interface GraphPath {
  length: number;
  nodes: GraphNode[];
  edges: { from: string; to: string }[];
}
interface TimelineEvent {
  time: { start: string | null; precision: string };
}
interface Bucket {
  key: string;
  count: number;
  fatalities: { low: number; high: number; knownEvents: number; unknownEvents: number };
}

const NEIGHBOURHOOD_LIMIT = 500;
const RADIUS_KM = 100;

interface Probe {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The probe asks for something that must be refused. */
  refused?: boolean;
  /** Failure text, or null; `summary` says what came back. */
  judge: (data: Record<string, unknown>, errors: Answer['errors']) => { summary: string; failure: string | null };
}

function probes(p: AnalystPicks): Probe[] {
  return [
    {
      name: 'pathBetween (hub → tail actor, all shortest, ≤ 6 hops)',
      query: /* GraphQL */ `query PathBetween($from: ID!, $to: ID!) {
        pathBetween(fromId: $from, toId: $to, maxHops: 6, all: true) { length nodes { id } edges { from to } }
      }`,
      variables: { from: p.hubActor, to: p.tailActor },
      judge: (data) => {
        const paths = data.pathBetween as GraphPath[];
        const bad = paths.find(
          (path) => path.length > 6 || path.nodes.length !== path.length + 1 || path.edges.length !== path.length,
        );
        return {
          summary: `${paths.length} shortest path(s) of ${paths[0]?.length ?? '–'} hops`,
          failure:
            paths.length === 0
              ? 'no path found between two actors of the same conflict'
              : paths.length > MAX_PATHS
                ? `${paths.length} paths, over the cap of ${MAX_PATHS}`
                : bad
                  ? `a path of ${bad.length} hops has ${bad.nodes.length} nodes and ${bad.edges.length} edges`
                  : null,
        };
      },
    },
    {
      name: `neighbourhood (hub actor, depth 2, limit ${NEIGHBOURHOOD_LIMIT})`,
      query: /* GraphQL */ `query Neighbourhood($id: ID!, $limit: Int!) {
        neighbourhood(id: $id, depth: 2, limit: $limit) { capped nodes { id } edges { from to } }
      }`,
      variables: { id: p.hubActor, limit: NEIGHBOURHOOD_LIMIT },
      judge: (data) => {
        const view = data.neighbourhood as { capped: boolean; nodes: GraphNode[]; edges: GraphPath['edges'] };
        const ids = new Set(view.nodes.map((n) => n.id));
        const dangling = view.edges.filter((e) => !ids.has(e.from) || !ids.has(e.to)).length;
        return {
          summary: `${view.nodes.length} nodes, ${view.edges.length} edges, capped: ${view.capped}`,
          failure:
            view.nodes.length > NEIGHBOURHOOD_LIMIT
              ? `${view.nodes.length} nodes, over the limit of ${NEIGHBOURHOOD_LIMIT}`
              : !view.capped
                ? "the busiest actor's depth-2 neighbourhood fits the cap: it should not"
                : dangling > 0
                  ? `${dangling} edges end outside the drawn nodes`
                  : null,
        };
      },
    },
    {
      name: 'timeline (a country and every place inside it, one year)',
      query: /* GraphQL */ `query Timeline($id: ID!, $from: DateTime!, $to: DateTime!) {
        timeline(subjectId: $id, filter: { from: $from, to: $to }, first: 50) { totalCount nodes { time { start precision } } }
      }`,
      variables: { id: p.countryId, from: '2020-01-01T00:00:00Z', to: '2020-12-31T23:59:59Z' },
      judge: (data) => {
        const page = data.timeline as { totalCount: number; nodes: TimelineEvent[] };
        const starts = page.nodes.map((e) => e.time.start ?? '');
        const unordered = starts.findIndex((s, i) => i > 0 && s < starts[i - 1]!);
        return {
          summary: `${page.totalCount} events in 2020, first ${page.nodes.length} in time order (precisions: ${[...new Set(page.nodes.map((e) => e.time.precision))].join(', ')})`,
          failure:
            page.nodes.length === 0
              ? 'no event in a year of a whole country'
              : unordered > 0
                ? `event ${unordered} starts before the one ahead of it`
                : null,
        };
      },
    },
    {
      name: `eventsNear (${RADIUS_KM} km of a busy town, 2019–2020)`,
      query: /* GraphQL */ `query EventsNear($placeId: ID!, $radius: Float!) {
        eventsNear(placeId: $placeId, radiusKm: $radius, filter: { from: "2019-01-01T00:00:00Z", to: "2020-12-31T23:59:59Z" }, first: 50) {
          distanceKm
        }
      }`,
      variables: { placeId: p.townId, radius: RADIUS_KM },
      judge: (data) => {
        const hits = data.eventsNear as { distanceKm: number }[];
        const far = hits.filter((h) => h.distanceKm > RADIUS_KM).length;
        const unordered = hits.findIndex((h, i) => i > 0 && h.distanceKm < hits[i - 1]!.distanceKm);
        return {
          summary: `${hits.length} events, nearest ${hits[0]?.distanceKm.toFixed(1) ?? '–'} km, farthest ${hits.at(-1)?.distanceKm.toFixed(1) ?? '–'} km`,
          failure:
            hits.length === 0
              ? 'no event near the busiest town'
              : far > 0
                ? `${far} events beyond ${RADIUS_KM} km`
                : unordered > 0
                  ? 'not nearest first'
                  : null,
        };
      },
    },
    {
      name: `search ("${p.townName.toLowerCase()}", lower case)`,
      query: /* GraphQL */ `query Search($text: String!) { search(text: $text, first: 20) { type label score } }`,
      variables: { text: p.townName.toLowerCase() },
      judge: (data) => {
        const hits = data.search as { type: string; label: string; score: number }[];
        const place = hits.find((h) => h.type === 'PLACE' && h.label === p.townName);
        return {
          summary: `${hits.length} hits; the town ranks ${place ? hits.indexOf(place) + 1 : '–'}`,
          failure: place ? null : `the town "${p.townName}" is not among the hits`,
        };
      },
    },
    {
      name: 'eventStats (battles by month)',
      query: /* GraphQL */ `query EventStats { eventStats(groupBy: MONTH, filter: { types: [BATTLE] }) {
        key count fatalities { low high knownEvents unknownEvents } } }`,
      variables: {},
      judge: (data) => {
        const buckets = data.eventStats as Bucket[];
        const events = buckets.reduce((sum, b) => sum + b.count, 0);
        const unknown = buckets.reduce((sum, b) => sum + b.fatalities.unknownEvents, 0);
        const bad = buckets.find(
          (b) =>
            b.fatalities.low > b.fatalities.high || b.fatalities.knownEvents + b.fatalities.unknownEvents !== b.count,
        );
        return {
          summary: `${buckets.length} months, ${events} battles, ${unknown} with unknown fatalities`,
          failure:
            buckets.length === 0
              ? 'no month'
              : bad
                ? `month ${bad.key}: the fatality range or the known/unknown split does not add up`
                : null,
        };
      },
    },
    {
      name: 'cypher (read: events per type)',
      query: /* GraphQL */ `query Cypher { cypher(query: "MATCH (e:Event) RETURN e.type AS type, count(*) AS events ORDER BY events DESC") {
        columns rows truncated } }`,
      variables: {},
      judge: (data) => {
        const result = data.cypher as { rows: { events: number }[] };
        const total = result.rows.reduce((sum, r) => sum + Number(r.events), 0);
        return {
          summary: `${result.rows.length} types, ${total} events`,
          failure: total < p.events ? `${total} events counted, ${p.events} generated` : null,
        };
      },
    },
    {
      name: 'cypher (a write hidden in a subquery)',
      query: /* GraphQL */ `query Cypher2 { cypher(query: "MATCH (a:Actor) WITH a LIMIT 1 CALL (a) { SET a.name = 'x' } RETURN a.id") { rows } }`,
      variables: {},
      refused: true,
      judge: (_data, errors) => {
        const code = errors?.[0]?.extensions?.code;
        return {
          summary: `refused: ${code ?? 'no error'}`,
          failure: code === 'WRITE_REFUSED' ? null : `expected WRITE_REFUSED, got ${code ?? 'an answer'}`,
        };
      },
    },
  ];
}

/** Runs every probe against our API at `url` with an analyst key; one request at a time. */
export async function checkAnalystQueries(url: string, apiKey: string, picks: AnalystPicks): Promise<AnalystCheck[]> {
  const checks: AnalystCheck[] = [];
  for (const probe of probes(picks)) {
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({ query: probe.query, variables: probe.variables }),
    });
    const answer = (await response.json()) as Answer;
    const milliseconds = performance.now() - started;
    const roundTrips = answer.extensions?.roundTrips ?? null;
    if (!probe.refused && (answer.errors?.length || !answer.data)) {
      checks.push({
        name: probe.name,
        summary: 'error',
        failure: answer.errors?.map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`).join('; ') ?? 'no data',
        milliseconds,
        roundTrips,
      });
      continue;
    }
    const { summary, failure } = probe.judge(answer.data ?? {}, answer.errors);
    checks.push({ name: probe.name, summary, failure, milliseconds, roundTrips });
  }
  return checks;
}

export function formatAnalystChecks(checks: readonly AnalystCheck[]): string {
  const width = Math.max(...checks.map((c) => c.name.length));
  return checks
    .map(
      (c) =>
        `${c.failure ? 'FAIL' : 'ok  '} ${c.name.padEnd(width)}  ${c.milliseconds.toFixed(0).padStart(6)} ms  ` +
        `${String(c.roundTrips ?? '–').padStart(2)} trips  ${c.summary}${c.failure ? `  ← ${c.failure}` : ''}`,
    )
    .join('\n');
}
