/**
 * Where an event counts: at its own place (OCCURRED_AT), or, when it has none, at the place of
 * the larger event it is part of (PART_OF), the nearest one up the chain that has a place. A
 * reported sub-event ("an aircraft shot down during the attack on the camp") often names no place
 * of its own; without this it would vanish from every read by place. Every place-based read (the
 * events list and eventStats by place, a place's events and timeline, eventsNear, Event.place)
 * goes through these fragments, so the rule has one home.
 *
 * Reads by place start from the place (an index seek on its id, or the point index), walk down
 * LOCATED_IN to the events placed there, then up PART_OF (reversed) to their placeless sub-events:
 * a few hops from nodes already found, never a scan of the events.
 */

/** How far down a chain of placeless sub-events the place is inherited (sub-events nest shallowly). */
export const INHERIT_DEPTH = 4;

const HAS_OWN_PLACE = (n: string): string => `EXISTS { (${n})-[:OCCURRED_AT]->(:Place) }`;

/**
 * A subquery over a placed event `placed` binding `e`: the event itself and each sub-event (at
 * any depth up to INHERIT_DEPTH) that inherits its place — one with no place of its own, reached
 * through sub-events that have none either — and `inherited`, true for those. The event itself is
 * its own row, not a path of length 0: that row needs no label check and no path (eventsNear over
 * a busy town, 5,711 → 4,758 db hits).
 */
export const COUNTED_AT_PLACE_OF = (placed: string): string => `
  CALL (${placed}) {
    RETURN ${placed} AS e, false AS inherited
    UNION
    MATCH partOf = (e:Event)-[:PART_OF*1..${INHERIT_DEPTH}]->(${placed})
    WHERE all(sub IN nodes(partOf)[..-1] WHERE NOT ${HAS_OWN_PLACE('sub')})
    RETURN e, true AS inherited
  }`;

/**
 * A condition on an event `e`: it counts at a place matching `pattern` (a Cypher pattern that
 * continues from `(:Place)`, e.g. `-[:LOCATED_IN*0..]->(:Place {id: $placeId})`), by its own place
 * or an inherited one.
 */
export const COUNTS_AT = (e: string, pattern: string): string => `EXISTS {
    MATCH partOf = (${e})-[:PART_OF*0..${INHERIT_DEPTH}]->(whole:Event), (whole)-[:OCCURRED_AT]->(:Place)${pattern}
    WHERE all(sub IN nodes(partOf)[..-1] WHERE NOT ${HAS_OWN_PLACE('sub')})
  }`;

/**
 * A subquery over an event `e` binding `place` (null when neither it nor a larger event it is
 * part of has one) and `placeInherited`: the event's own place (the first by id), else the
 * nearest larger event's (the first by id). The chain of larger events is walked only for an
 * event with no place of its own: most have one, and walking PART_OF for each of them read
 * their relationships for nothing (bench/NOTES.md, 2026-12-01).
 */
export const PLACE_OF_EVENT = (e: string): string => `
  CALL (${e}) {
    OPTIONAL MATCH (${e})-[:OCCURRED_AT]->(own:Place)
    WITH ${e}, own ORDER BY own.id LIMIT 1
    OPTIONAL MATCH partOf = (${e})-[:PART_OF*1..${INHERIT_DEPTH}]->(:Event)-[:OCCURRED_AT]->(larger:Place) WHERE own IS NULL
    WITH own, larger ORDER BY length(partOf), larger.id LIMIT 1
    RETURN coalesce(own, larger) AS place, larger IS NOT NULL AS placeInherited
  }`;
