/**
 * The reads behind the exports (src/interchange/export-*.ts): the graph in pages, in id order by
 * keyset (an index seek per page, never SKIP), so an export of any size streams with one page in
 * memory. `eventPages` takes the filters of the `events` query and reads with each event what
 * every export writes of it: its place and the chain above it, its participants, and its live
 * claims with their claimant, evidence and figures.
 */
import type { DbScope } from '../core/database.js';
import { checkWindow } from '../core/time-window.js';
import { nodeProps, type NodeLabel, NODE_LABELS, toIso } from '../core/mapping.js';
import { EVENT_FILTER, type EventFilter } from './event.js';

export const EXPORT_PAGE = 500;

export interface ExportSource {
  id: string;
  kind: string;
  title: string;
  publisher: string | null;
  publishedAt: unknown;
  createdAt: unknown;
  citesIds: string[];
}

export interface ExportClaim {
  id: string;
  text: string;
  createdAt: unknown;
  updatedAt: unknown;
  status: string;
  claimantId: string | null;
  claimant: string | null;
  claimantKind: string | null;
  sources: ExportSource[];
  figures: ExportFigure[];
}

export interface ExportFigure {
  kind: string;
  of: string | null;
  group: string | null;
  low: number | null;
  high: number | null;
  best: number | null;
  approximate: string | null;
}

export interface ExportEvent {
  id: string;
  props: Record<string, unknown>;
  /** The place it occurred at, then the places it lies in, up to the country. */
  places: { id: string; name: string; kind: string; latitude: number | null; longitude: number | null }[];
  participants: { id: string; name: string; kind: string; role: string; status: string }[];
  claims: ExportClaim[];
}

const EVENT_PAGE = `
  MATCH (e:Event)
  WHERE e.id > $after AND ${EVENT_FILTER}
  WITH e ORDER BY e.id LIMIT toInteger($limit)
  CALL (e) {
    OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
    WITH p ORDER BY p.id LIMIT 1
    OPTIONAL MATCH path = (p)-[:LOCATED_IN*0..8]->(top:Place)
    WHERE NOT (top)-[:LOCATED_IN]->(:Place)
    RETURN [n IN coalesce(nodes(path), []) | {
      id: n.id, name: n.name, kind: n.kind, latitude: n.location.latitude, longitude: n.location.longitude
    }] AS places
  }
  CALL (e) {
    OPTIONAL MATCH (a:Actor)-[r:PARTICIPATED_IN]->(e)
    WITH a, r ORDER BY r.role, a.name
    RETURN [x IN collect({id: a.id, name: a.name, kind: a.kind, role: r.role, status: r.status}) WHERE x.id IS NOT NULL] AS participants
  }
  CALL (e) {
    OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
    WHERE NOT coalesce(c.retracted, false)
    WITH c ORDER BY c.createdAt, c.id
    OPTIONAL MATCH (c)-[:ASSERTED_BY]->(k:Actor)
    RETURN [x IN collect({
      id: c.id, text: c.text, createdAt: c.createdAt, updatedAt: c.updatedAt, status: c.status,
      claimantId: k.id, claimant: k.name, claimantKind: k.kind,
      sources: [(c)-[:REPORTED_IN|SUPPORTS]-(s:Source) | {
        id: s.id, kind: s.kind, title: s.title, publisher: s.publisher, publishedAt: s.publishedAt,
        createdAt: s.createdAt, citesIds: [(s)-[:CITES]->(x:Source) | x.id]
      }],
      figures: [(c)-[:STATES]->(f:Figure)-[:OF_EVENT]->(e) | {
        kind: f.kind, of: head([(f)-[:COUNTS]->(o:Actor) | o.id]), group: f.group,
        low: f.low, high: f.high, best: f.best, approximate: f.approximate
      }]
    }) WHERE x.id IS NOT NULL] AS claims
  }
  RETURN e, places, participants, claims`;

function filterParams(filter: EventFilter) {
  const { from, to } = checkWindow(filter.from, filter.to);
  return {
    types: filter.types ?? null,
    subTypes: filter.subTypes ?? null,
    from,
    to,
    placeId: filter.placeId ?? null,
    actorId: filter.actorId ?? null,
    role: filter.role ?? null,
    claimStatus: filter.claimStatus ?? null,
  };
}

/** The events the filter keeps, page by page, in id order. */
export async function* eventPages(
  db: DbScope,
  filter: EventFilter = {},
  limit = EXPORT_PAGE,
): AsyncGenerator<ExportEvent[]> {
  const params = filterParams(filter);
  let after = '';
  for (;;) {
    const rows = await db.read(EVENT_PAGE, { ...params, after, limit });
    if (rows.length === 0) return;
    yield rows.map((row) => {
      const props = nodeProps(row.get('e'));
      return {
        id: String(props.id),
        props,
        places: row.get('places') as ExportEvent['places'],
        participants: row.get('participants') as ExportEvent['participants'],
        claims: row.get('claims') as ExportClaim[],
      };
    });
    after = String(nodeProps(rows[rows.length - 1]!.get('e')).id);
    if (rows.length < limit) return;
  }
}

export interface ExportNode {
  id: string;
  label: NodeLabel;
  props: Record<string, unknown>;
}

export interface ExportEdge {
  from: string;
  type: string;
  to: string;
  props: Record<string, unknown>;
}

const nodePage = (label: NodeLabel) => `
  MATCH (n:${label})
  WHERE n.id > $after AND ($ids IS NULL OR n.id IN $ids)
  WITH n ORDER BY n.id LIMIT toInteger($limit)
  RETURN n`;

const edgePage = (label: NodeLabel) => `
  MATCH (n:${label})
  WHERE n.id > $after AND ($ids IS NULL OR n.id IN $ids)
  WITH n ORDER BY n.id LIMIT toInteger($limit)
  OPTIONAL MATCH (n)-[r]->(m)
  WHERE (m:Actor OR m:Place OR m:Event OR m:Source OR m:Claim) AND ($ids IS NULL OR m.id IN $ids)
  RETURN n.id AS id, [x IN collect({type: type(r), to: m.id, props: properties(r)}) WHERE x.to IS NOT NULL] AS edges`;

/** Every domain node (or those of `ids`), label by label, page by page. */
export async function* nodePages(db: DbScope, ids: readonly string[] | null = null, limit = EXPORT_PAGE) {
  for (const label of NODE_LABELS) {
    let after = '';
    for (;;) {
      const rows = await db.read(nodePage(label), { after, limit, ids });
      if (rows.length === 0) break;
      yield rows.map((row): ExportNode => {
        const props = nodeProps(row.get('n'));
        return { id: String(props.id), label, props };
      });
      after = String(nodeProps(rows[rows.length - 1]!.get('n')).id);
      if (rows.length < limit) break;
    }
  }
}

/** Every relationship between domain nodes (or between those of `ids`), from each node in turn. */
export async function* edgePages(db: DbScope, ids: readonly string[] | null = null, limit = EXPORT_PAGE) {
  for (const label of NODE_LABELS) {
    let after = '';
    for (;;) {
      const rows = await db.read(edgePage(label), { after, limit, ids });
      if (rows.length === 0) break;
      yield rows.flatMap((row) =>
        (row.get('edges') as { type: string; to: string; props: Record<string, unknown> }[]).map((e): ExportEdge => ({
          from: row.get('id') as string,
          type: e.type,
          to: e.to,
          props: e.props,
        })),
      );
      after = rows[rows.length - 1]!.get('id') as string;
      if (rows.length < limit) break;
    }
  }
}

const AROUND = `
  MATCH (c {id: $id}) WHERE c:Actor OR c:Place OR c:Event OR c:Source OR c:Claim
  OPTIONAL MATCH (c)-[*1..3]-(n) WHERE (n:Actor OR n:Place OR n:Event OR n:Source OR n:Claim)
  WITH c, collect(DISTINCT n.id)[..toInteger($max)] AS ids
  RETURN [c.id] + ids AS ids`;

/** The ids of the nodes within `depth` (1–3) of a node, at most `max`; null when the node does not exist. */
export async function idsAround(db: DbScope, id: string, depth: number, max = 10_000): Promise<string[] | null> {
  const rows = await db.read(AROUND.replace('*1..3', `*1..${Math.min(Math.max(Math.trunc(depth), 1), 3)}`), {
    id,
    max,
  });
  return rows.length > 0 ? (rows[0]!.get('ids') as string[]) : null;
}

export { toIso };
