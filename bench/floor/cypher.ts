/**
 * The floor: for each query of the benchmark mix, the one Cypher statement a person would write
 * by hand to fetch the same answer, nested maps and all. The bench lives outside the app, so its
 * Cypher lives here rather than in src/graph; it reads the property graph of docs/model.md.
 */

// Relationships that carry meaning between domain nodes (Name and audit nodes stay out of paths).
const DOMAIN_RELS =
  'PARTICIPATED_IN|OCCURRED_AT|LOCATED_IN|MEMBER_OF|PART_OF|ALLIED_WITH|OPPOSES|FOLLOWED_BY|ASSERTED_BY|REPORTED_IN|ABOUT|SUPPORTS|CONTRADICTS|CITES';

const EVENT_FIELDS = `id: e.id, type: e.type, subType: e.subType, start: toString(e.startTime), label: e.timeLabel, description: e.description, fatalitiesBest: e.fatalitiesBest`;

// "From" is the end of the event's span (or its start): events overlapping [from, to].
const EVENT_FILTER = `
  e.type IN $types AND e.startTime <= datetime($to) AND coalesce(e.endTime, e.startTime) >= datetime($from)`;

export const FLOOR_CYPHER: Record<string, string> = {
  nested: `
    MATCH (a:Actor {id: $id})
    CALL (a) {
      MATCH (a)-[r:PARTICIPATED_IN]->(e:Event)
      WITH r, e ORDER BY e.startTime ASC, e.id ASC LIMIT 10
      OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
      OPTIONAL MATCH (p)-[:LOCATED_IN]->(pp:Place)
      RETURN collect({
        role: r.role, status: r.status,
        event: {
          id: e.id, type: e.type, start: toString(e.startTime),
          place: CASE WHEN p IS NULL THEN null ELSE {
            id: p.id, name: p.name, parent: CASE WHEN pp IS NULL THEN null ELSE {id: pp.id, name: pp.name} END
          } END,
          claims: COLLECT {
            MATCH (c:Claim)-[:ABOUT]->(e) WHERE NOT coalesce(c.retracted, false)
            RETURN {id: c.id, status: c.status, reportedIn: COLLECT {
              MATCH (c)-[:REPORTED_IN]->(s:Source) RETURN {id: s.id, title: s.title}
            }}
          }
        }
      }) AS participations
    }
    RETURN {id: a.id, name: a.name, participations: participations} AS actor`,

  events: `
    CALL () { MATCH (e:Event) WHERE ${EVENT_FILTER} RETURN count(e) AS totalCount }
    CALL () {
      MATCH (e:Event) WHERE ${EVENT_FILTER}
      WITH e ORDER BY e.startTime ASC, e.id ASC LIMIT 21
      RETURN collect({${EVENT_FIELDS}}) AS page
    }
    RETURN totalCount, page[0..20] AS nodes, size(page) > 20 AS hasNextPage`,

  timeline: `
    MATCH (:Actor {id: $id})-[:PARTICIPATED_IN]->(e:Event)
    WITH DISTINCT e ORDER BY e.startTime ASC, e.id ASC LIMIT 51
    WITH collect({${EVENT_FIELDS}}) AS page
    RETURN page[0..50] AS nodes, size(page) > 50 AS hasNextPage`,

  path: `
    MATCH (a:Actor {id: $fromId}), (b:Actor {id: $toId})
    MATCH p = shortestPath((a)-[:${DOMAIN_RELS}*..4]-(b))
    WHERE all(x IN nodes(p) WHERE NOT x:Claim OR NOT coalesce(x.retracted, false))
    RETURN [n IN nodes(p) | {id: n.id, type: labels(n)[0], label: coalesce(n.name, n.title, n.timeLabel, n.text)}] AS nodes,
           [r IN relationships(p) | {kind: type(r), from: startNode(r).id, to: endNode(r).id, status: r.status}] AS edges`,

  // The same question as ours: the centre's neighbours (a retracted claim is never drawn), then
  // every edge among the drawn nodes, not only the centre's. A node with more relationships than
  // a bound is joined to each drawn node pairwise (Expand(Into)), not expanded, as anyone would
  // write it for a graph with hubs (a state force takes part in a quarter of all events).
  neighbourhood: `
    MATCH (n:Event {id: $id})
    CALL (n) {
      MATCH (n)-[:${DOMAIN_RELS}]-(m) WHERE NOT m:Claim OR NOT coalesce(m.retracted, false)
      WITH DISTINCT m LIMIT toInteger($limit) - 1
      RETURN collect(m) AS around
    }
    WITH [n] + around AS kept
    CALL (kept) {
      UNWIND kept AS a
      WITH a, kept, COUNT { (a)-[:${DOMAIN_RELS}]->() } AS degree
      CALL (a, kept, degree) {
        WITH a, kept WHERE degree <= 1000
        MATCH (a)-[r:${DOMAIN_RELS}]->(b) WHERE b IN kept
        RETURN r, b
        UNION ALL
        WITH a, kept WHERE degree > 1000
        UNWIND kept AS b
        MATCH (a)-[r:${DOMAIN_RELS}]->(b)
        RETURN r, b
      }
      RETURN collect({kind: type(r), from: a.id, to: b.id, role: r.role, status: r.status}) AS edges
    }
    RETURN [x IN kept | {id: x.id, type: labels(x)[0], label: coalesce(x.name, x.title, x.timeLabel, x.text)}] AS nodes,
           edges`,

  search: `
    CALL db.index.fulltext.queryNodes('search_text', $text, {limit: 20}) YIELD node, score
    RETURN node.id AS id, labels(node)[0] AS type, coalesce(node.name, node.timeLabel, node.text) AS label, score`,

  eventsNear: `
    WITH point({latitude: $latitude, longitude: $longitude}) AS centre
    MATCH (p:Place) WHERE point.distance(p.location, centre) <= $radiusKm * 1000
    MATCH (e:Event)-[:OCCURRED_AT]->(p)
    WITH e, point.distance(p.location, centre) AS metres
    ORDER BY metres ASC, e.id ASC LIMIT 50
    RETURN collect({event: {${EVENT_FIELDS}}, distanceKm: metres / 1000.0}) AS events`,
};
