/**
 * Writing events: the events a claim reports are created (new id, or none) or completed (an
 * existing id), with their place, participants and links to other events as fact edges backed
 * by the claim. Completing never overwrites: a value that differs from the stored one is refused
 * (updateEvent changes it), so one claim cannot silently rewrite what another reported.
 * Figures are not the event's: each claim states its own (figures.ts); the deprecated
 * `fatalities` of an event input becomes a figure of the claim that gives it (claim.ts).
 */
import { randomUUID } from 'node:crypto';
import { badInput, notFound } from '../../errors.js';
import { type EventSpec, newEventId, updateEventInput } from '../../inputs/event.js';
import { parseInput } from '../../inputs/fields.js';
import { resolveActor } from './actor.js';
import { AuditLog, changesOf, type Writer } from './audit.js';
import { BACKED_BY_CLAIM } from './claim-status.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { SET_EVENT_SPAN } from '../core/event-span.js';
import { toEvent, toIso, type EventObject } from '../core/mapping.js';
import { resolvePlace } from './place.js';
import { timeLabel } from '../../domain/time-label.js';
import { created, requireOne } from './checks.js';
import { inOneTransaction } from './transaction.js';
import { noteOutcome } from './outcomes.js';
import type { UpdateEventInput } from '../../generated/graphql.js';

const READ_EVENT = `
  MATCH (e:Event {id: $id})
  OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
  RETURN e, p.id AS placeId`;

const SET_FIELDS = `
  SET e += $fields,
      e.startTime = CASE WHEN $time IS NULL THEN e.startTime
                         WHEN $time.start IS NULL THEN null ELSE datetime($time.start) END,
      e.endTime = CASE WHEN $time IS NULL THEN e.endTime
                       WHEN $time.end IS NULL THEN null ELSE datetime($time.end) END,
      e.updatedAt = datetime()
  ${SET_EVENT_SPAN('e')}`;

const CREATE_EVENT = `
  CREATE (e:Event {
    id: $id, createdBy: $by, createdAt: datetime(),
    timePrecision: 'UNKNOWN', timeLabel: 'unknown time'
  })
  ${SET_FIELDS}`;

const COMPLETE_EVENT = `
  MATCH (e:Event {id: $id})
  ${SET_FIELDS}`;

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
function statedFields(spec: Omit<EventSpec, 'place' | 'participants' | 'id' | 'fatalities'>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  if (spec.type) fields.type = spec.type;
  if (spec.subType) fields.subType = spec.subType;
  if (spec.description) fields.description = spec.description;
  if (spec.time) {
    fields.timePrecision = spec.time.precision;
    fields.timeLabel = spec.time.label ?? timeLabel(spec.time);
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
  for (const [key, value] of Object.entries(stated)) {
    let current = stored[key];
    if (key === 'startTime' || key === 'endTime') current = toIso(current);
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

/** An event a claim wrote, and the nodes the claim links through it (it is about them all). */
export interface WrittenEvent {
  id: string;
  actorIds: string[];
  placeIds: string[];
  /** Events it is part of or follows. */
  eventIds: string[];
}

/**
 * Creates or completes the event `spec` describes, backed by claim `claimId`. Participants'
 * actors and the place are found or created by reference.
 */
export async function writeEvent(
  tx: WriteTx,
  spec: EventSpec,
  claimId: string,
  log: AuditLog,
  field: string,
): Promise<WrittenEvent> {
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
  }
  const fields = statedFields(spec);
  const stated = { id, fields, time: spec.time ?? null };
  if (!existing) {
    await tx.run(CREATE_EVENT, { ...stated, by: log.by });
    created(tx, 'Event', id);
    changes.created = true;
  } else if (Object.keys(fields).length > 0) {
    await tx.run(COMPLETE_EVENT, stated);
  }
  noteOutcome(tx, 'events', {
    field,
    id,
    name: spec.description ?? null,
    outcome: existing ? 'MATCHED' : 'CREATED',
  });
  Object.assign(changes, fields, spec.time ? { time: spec.time } : {});

  const linked: WrittenEvent = { id, actorIds: [], placeIds: [], eventIds: [] };
  if (spec.place) {
    const placeId = await resolvePlace(tx, spec.place, log, `${field}.place`);
    linked.placeIds.push(placeId);
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
    linked.actorIds.push(...participants.map((p) => p.actorId));
  }
  if (spec.partOfId) {
    await requireOne(tx, 'Event', spec.partOfId, `${field}.partOfId`);
    await tx.run(PART_OF, { eventId: id, otherId: spec.partOfId, claimId });
    changes.partOfId = spec.partOfId;
    linked.eventIds.push(spec.partOfId);
  }
  if (spec.followsId) {
    await requireOne(tx, 'Event', spec.followsId, `${field}.followsId`);
    await tx.run(FOLLOWS, { eventId: id, otherId: spec.followsId, claimId });
    changes.followsId = spec.followsId;
    linked.eventIds.push(spec.followsId);
  }
  log.record(id, { ...changes, claimId });
  return linked;
}

const MOVE_EVENT = `
  MATCH (e:Event {id: $id})-[old:OCCURRED_AT]->(:Place), (p:Place {id: $placeId})
  WITH e, p, old, old.claimIds AS claimIds, old.status AS status, old.createdAt AS createdAt
  DELETE old
  MERGE (e)-[r:OCCURRED_AT]->(p)
  SET r.claimIds = claimIds, r.status = status, r.createdAt = createdAt`;

/**
 * Mutation updateEvent: changes the given fields. `fatalities` is refused: figures are stated by
 * claims, and an edit with no claimant behind it would make one number the event's.
 * `placeId` corrects where it occurred, keeping the claims behind that fact; an event with no
 * place yet gets one from a claim (addClaim), so every place of an event stays backed by one.
 */
export async function updateEvent(db: DbScope, given: UpdateEventInput, writer: Writer): Promise<EventObject> {
  const input = parseInput(updateEventInput, given);
  if (input.fatalities)
    throw badInput(
      `input.fatalities: an event's figures are stated by claims, each with its claimant. Add a claim that states them: addClaim with events: [{ id: "${input.id}" }] and figures: [{ kind: KILLED, of: …, low: …, high: … }].`,
      'input.fatalities',
    );
  return inOneTransaction(db, async (tx) => {
    await requireOne(tx, 'Event', input.id, 'input.id');
    if (input.placeId) await requireOne(tx, 'Place', input.placeId, 'input.placeId');
    const log = new AuditLog(writer, 'updateEvent');
    const [row] = await tx.run(READ_EVENT, { id: input.id });
    const stored = (row!.get('e') as { properties: Record<string, unknown> }).properties;
    const storedPlace = row!.get('placeId') as string | null;
    const fields = statedFields(input);
    await tx.run(COMPLETE_EVENT, { id: input.id, fields, time: input.time ?? null });
    const changed = changesOf(stored, fields);
    if (input.time)
      changed.time = { from: { start: toIso(stored.startTime), end: toIso(stored.endTime) }, to: input.time };
    if (input.placeId && input.placeId !== storedPlace) {
      if (!storedPlace) {
        throw badInput(
          `input.placeId: event ${input.id} has no place yet. Say where it occurred in a claim (addClaim with events: [{ id: "${input.id}", place: { id: "${input.placeId}" } }]), so the fact has its source.`,
          'input.placeId',
        );
      }
      await tx.run(MOVE_EVENT, { id: input.id, placeId: input.placeId });
      changed.placeId = { from: storedPlace, to: input.placeId };
    }
    log.record(input.id, { changed });
    await log.flush(tx);
    return readEvent(tx, input.id);
  });
}

export async function readEvent(tx: WriteTx, id: string): Promise<EventObject> {
  const [row] = await tx.run(READ_EVENT, { id });
  if (!row) throw notFound('event', id);
  return toEvent((row.get('e') as { properties: Record<string, unknown> }).properties);
}
