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

  neighbourhood: `
    MATCH (n:Event {id: $id})
    CALL (n) {
      MATCH (n)-[r:${DOMAIN_RELS}]-(m)
      WITH r, m LIMIT toInteger($limit)
      RETURN collect({id: m.id, type: labels(m)[0], label: coalesce(m.name, m.title, m.timeLabel, m.text)}) AS nodes,
             collect({kind: type(r), from: startNode(r).id, to: endNode(r).id, role: r.role, status: r.status}) AS edges
    }
    RETURN {id: n.id, type: 'Event', label: n.timeLabel} AS centre, nodes, edges`,

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
