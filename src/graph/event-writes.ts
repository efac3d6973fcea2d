/**
 * Writing events: the events a claim reports are created (new id, or none) or completed (an
 * existing id), with their place, participants and links to other events as fact edges backed
 * by the claim. Completing never overwrites: a value that differs from the stored one is refused
 * (updateEvent changes it), so one claim cannot silently rewrite what another reported.
 */
import { randomUUID } from 'node:crypto';
import { badInput } from '../errors.js';
import { type EventSpec, newEventId } from '../inputs/event.js';
import { parseInput } from '../inputs/fields.js';
import { resolveActor } from './actor-writes.js';
import type { AuditLog } from './audit.js';
import { BACKED_BY_CLAIM } from './claim-status.js';
import type { WriteTx } from './database.js';
import { toIso } from './mapping.js';
import { resolvePlace } from './place-writes.js';
import { timeLabel } from './time-label.js';
import { requireOne } from './write-checks.js';

const READ_EVENT = `
  MATCH (e:Event {id: $id})
  OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
  RETURN e, p.id AS placeId`;

const CREATE_EVENT = `
  CREATE (e:Event {
    id: $id, createdBy: $by, createdAt: datetime(), updatedAt: datetime(),
    timePrecision: 'UNKNOWN', timeLabel: 'unknown time'
  })`;

const SET_EVENT_FIELDS = `
  MATCH (e:Event {id: $id})
  SET e += $fields,
      e.startTime = CASE WHEN $time IS NULL THEN e.startTime
                         WHEN $time.start IS NULL THEN null ELSE datetime($time.start) END,
      e.endTime = CASE WHEN $time IS NULL THEN e.endTime
                       WHEN $time.end IS NULL THEN null ELSE datetime($time.end) END,
      e.updatedAt = datetime()`;

const OCCURRED_AT = `
  MATCH (e:Event {id: $eventId}), (p:Place {id: $placeId})
  MERGE (e)-[r:OCCURRED_AT]->(p)
  ${BACKED_BY_CLAIM}`;

const PARTICIPATED_IN = `
  MATCH (e:Event {id: $eventId})
  UNWIND $participants AS participant
  MATCH (a:Actor {id: participant.actorId})
  MERGE (a)-[r:PARTICIPATED_IN {role: participant.role}]->(e)
  ${BACKED_BY_CLAIM}`;

const PART_OF = `
  MATCH (e:Event {id: $eventId}), (whole:Event {id: $otherId})
  MERGE (e)-[r:PART_OF]->(whole)
  ${BACKED_BY_CLAIM}`;

const FOLLOWS = `
  MATCH (e:Event {id: $eventId}), (before:Event {id: $otherId})
  MERGE (before)-[r:FOLLOWED_BY]->(e)
  ${BACKED_BY_CLAIM}`;

/** The event's scalar properties as the input states them (absent fields left out). */
function statedFields(spec: EventSpec): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (spec.type) fields.type = spec.type;
  if (spec.subType) fields.subType = spec.subType;
  if (spec.description) fields.description = spec.description;
  if (spec.time) {
    fields.timePrecision = spec.time.precision;
    fields.timeLabel = spec.time.label ?? timeLabel(spec.time);
  }
  if (spec.fatalities) {
    fields.fatalitiesLow = spec.fatalities.low ?? null;
    fields.fatalitiesHigh = spec.fatalities.high ?? null;
    fields.fatalitiesBest = spec.fatalities.best ?? null;
  }
  return fields;
}

/** Refuses a stated value that differs from the one an existing event already has. */
function checkCompletes(stored: Record<string, unknown>, spec: EventSpec, field: string): void {
  const stated = statedFields(spec);
  if (spec.time) {
    stated.startTime = spec.time.start ?? null;
    stated.endTime = spec.time.end ?? null;
  }
  const fatalitiesKnown = ['fatalitiesLow', 'fatalitiesHigh', 'fatalitiesBest'].some((k) => stored[k] != null);
  for (const [key, value] of Object.entries(stated)) {
    let current = stored[key];
    if (key === 'startTime' || key === 'endTime') current = toIso(current);
    if (key.startsWith('fatalities') && !fatalitiesKnown) continue;
    if (key === 'timePrecision' && current === 'UNKNOWN' && stored.startTime == null && stored.endTime == null)
      continue;
    // The label is a reading of the span, not a fact of its own.
    if (key === 'timeLabel') continue;
    if (current !== null && current !== undefined && current !== value) {
      throw badInput(
        `${field}: event ${String(stored.id)} already has ${key} ${JSON.stringify(current)}, not ${JSON.stringify(value)}. A claim completes an event but does not change it: use updateEvent.`,
        field,
      );
    }
  }
}

/**
 * Creates or completes the event `spec` describes, backed by claim `claimId`; returns its id.
 * Participants' actors and the place are found or created by reference.
 */
export async function writeEvent(
  tx: WriteTx,
  spec: EventSpec,
  claimId: string,
  log: AuditLog,
  field: string,
): Promise<string> {
  const existing = spec.id ? (await tx.run(READ_EVENT, { id: spec.id }))[0] : undefined;
  let id: string;
  let storedPlace: string | null = null;
  const changes: Record<string, unknown> = {};
  if (existing) {
    id = spec.id!;
    const stored = (existing.get('e') as { properties: Record<string, unknown> }).properties;
    checkCompletes(stored, spec, field);
    storedPlace = existing.get('placeId') as string | null;
  } else {
    if (spec.id) parseInput(newEventId, spec.id, `${field}.id`);
    if (!spec.type) {
      throw badInput(
        `${field}.type is required for a new event${spec.id ? ` (no event has the id "${spec.id}")` : ''}.`,
        `${field}.type`,
      );
    }
    if (!spec.description) throw badInput(`${field}.description is required for a new event.`, `${field}.description`);
    id = spec.id ?? `event:${randomUUID()}`;
    await tx.run(CREATE_EVENT, { id, by: log.by });
    changes.created = true;
  }
  const fields = statedFields(spec);
  if (Object.keys(fields).length > 0 || spec.time) {
    await tx.run(SET_EVENT_FIELDS, { id, fields, time: spec.time ?? null });
    Object.assign(changes, fields, spec.time ? { time: spec.time } : {});
  }

  if (spec.place) {
    const placeId = await resolvePlace(tx, spec.place, log, `${field}.place`);
    if (storedPlace && placeId !== storedPlace) {
      throw badInput(
        `${field}.place: event ${id} already occurred at ${storedPlace}. A claim completes an event but does not move it: use updateEvent.`,
        `${field}.place`,
      );
    }
    await tx.run(OCCURRED_AT, { eventId: id, placeId, claimId });
    changes.place = placeId;
  }
  if (spec.participants?.length) {
    const participants: { actorId: string; role: string }[] = [];
    for (const [i, p] of spec.participants.entries())
      participants.push({
        actorId: await resolveActor(tx, p.actor, log, `${field}.participants[${i}].actor`),
        role: p.role,
      });
    await tx.run(PARTICIPATED_IN, { eventId: id, participants, claimId });
    changes.participants = participants;
  }
  if (spec.partOfId) {
    await requireOne(tx, 'Event', spec.partOfId, `${field}.partOfId`);
    await tx.run(PART_OF, { eventId: id, otherId: spec.partOfId, claimId });
    changes.partOfId = spec.partOfId;
  }
  if (spec.followsId) {
    await requireOne(tx, 'Event', spec.followsId, `${field}.followsId`);
    await tx.run(FOLLOWS, { eventId: id, otherId: spec.followsId, claimId });
    changes.followsId = spec.followsId;
  }
  log.record(id, { ...changes, claimId });
  return id;
}
