/**
 * Writing claims. `addClaim` is the researchers' main write: in ONE transaction it finds or
 * creates the actors, places and events the claim names, links who asserts it and the sources
 * that report, support or contradict it, backs every fact it states (participations, places of
 * events, relations between actors, event links) with the claim's id, writes the figures it
 * states, derives its status and records the audit trail. Anything refused on the way rolls
 * everything back.
 *
 * A claim is ABOUT every node it links — the events it states and those they are part of or
 * follow, their places and participants, the actors of its relations and of its figures — and
 * whatever its `about` names besides. The ABOUT edge to an event it states (defines, completes or
 * counts) carries `states: true`; Event.claims tells those apart from claims that only mention it.
 */
import { claimFolded } from '../core/folded-text.js';
import { randomUUID } from 'node:crypto';
import { appError, badInput, ErrorCode, notFound } from '../../errors.js';
import type { ActorRef } from '../../inputs/actor.js';
import { type AddClaim, parseAddClaim, retractClaimInput } from '../../inputs/claim.js';
import { parseInput } from '../../inputs/fields.js';
import type { PlaceRef } from '../../inputs/place.js';
import { resolveActor } from './actor.js';
import { AuditLog, type Writer } from './audit.js';
import { BACKED_BY_CLAIM, refreshStatuses } from './claim-status.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { inOneTransaction } from './transaction.js';
import { writeEvent } from './event.js';
import { once } from './idempotency.js';
import { toClaim, type ClaimObject } from '../core/mapping.js';
import { resolvePlace } from './place.js';
import { created, type Reference, requireAll, requireEvery, requireOne } from './checks.js';
import { markFingerprint, refuseDuplicate } from './claim-duplicates.js';
import { fatalitiesFigure, refreshFatalitiesOfClaims, writeFigures } from './figures.js';
import type { AddClaimInput, RetractClaimInput } from '../../generated/graphql.js';

const CLAIM_EXISTS = `MATCH (c:Claim {id: $id}) RETURN c.id AS id`;

const CREATE_CLAIM = `
  MATCH (asserter:Actor {id: $assertedById})
  CREATE (c:Claim {
    id: $id, text: $text, quote: $quote, foldedText: $foldedText, status: 'REPORTED',
    notIndependentlyVerified: $notIndependentlyVerified, retracted: false, retractionReason: null,
    createdBy: $by, createdAt: datetime(), updatedAt: datetime()
  })-[:ASSERTED_BY]->(asserter)
  WITH c
  CALL (c) {
    UNWIND $sourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (c)-[:REPORTED_IN]->(s)
  }
  CALL (c) {
    UNWIND $supportingSourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (s)-[r:SUPPORTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by
  }
  CALL (c) {
    UNWIND $contradictingSourceIds AS sourceId
    MATCH (s:Source {id: sourceId})
    MERGE (s)-[r:CONTRADICTS]->(c) ON CREATE SET r.at = datetime(), r.by = $by
  }`;

// One statement per relation kind: a relationship type cannot be a parameter.
const RELATE: Record<string, string> = Object.fromEntries(
  ['MEMBER_OF', 'PART_OF', 'ALLIED_WITH', 'OPPOSES'].map((kind) => [
    kind,
    `MATCH (from:Actor {id: $fromId}), (to:Actor {id: $toId})
     MERGE (from)-[r:${kind}]->(to)
     ${BACKED_BY_CLAIM}`,
  ]),
);

const LINK_ABOUT = `
  MATCH (c:Claim {id: $id})
  CALL (c) { UNWIND $statedEventIds AS x MATCH (n:Event {id: x}) MERGE (c)-[a:ABOUT]->(n) SET a.states = true }
  CALL (c) { UNWIND $actorIds AS x MATCH (n:Actor {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $placeIds AS x MATCH (n:Place {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $eventIds AS x MATCH (n:Event {id: x}) MERGE (c)-[:ABOUT]->(n) }
  CALL (c) { UNWIND $claimIds AS x MATCH (n:Claim {id: x}) WHERE n <> c MERGE (c)-[:ABOUT]->(n) }`;

const READ_CLAIM = `MATCH (c:Claim {id: $id}) RETURN c`;

const unique = (ids: readonly string[]) => [...new Set(ids)];

const actorRefs = (ref: ActorRef, field: string): Reference[] =>
  ref.id ? [{ label: 'Actor', id: ref.id, field: `${field}.id` }] : [];
const placeRefs = (ref: PlaceRef, field: string): Reference[] =>
  ref.id
    ? [{ label: 'Place', id: ref.id, field: `${field}.id` }]
    : ref.parentId
      ? [{ label: 'Place', id: ref.parentId, field: `${field}.parentId` }]
      : [];

/**
 * Every existing node a claim names by id, in the order of its fields, to check in one round
 * trip. Events the claim itself defines are left out: they may not exist yet.
 */
function referencesOf(input: AddClaim, field: string): Reference[] {
  const defined = new Set((input.events ?? []).flatMap((e) => (e.id ? [e.id] : [])));
  const ids = (label: Reference['label'], list: readonly string[] | undefined, at: string): Reference[] =>
    (list ?? []).flatMap((id, i) =>
      label === 'Event' && defined.has(id) ? [] : [{ label, id, field: `${at}[${i}]` }],
    );
  const refs: Reference[] = [
    ...ids('Source', input.sourceIds, `${field}.sourceIds`),
    ...ids('Source', input.supportingSourceIds, `${field}.supportingSourceIds`),
    ...ids('Source', input.contradictingSourceIds, `${field}.contradictingSourceIds`),
    ...actorRefs(input.assertedBy, `${field}.assertedBy`),
  ];
  for (const [i, event] of (input.events ?? []).entries()) {
    const at = `${field}.events[${i}]`;
    if (event.place) refs.push(...placeRefs(event.place, `${at}.place`));
    for (const [j, p] of (event.participants ?? []).entries())
      refs.push(...actorRefs(p.actor, `${at}.participants[${j}].actor`));
    for (const link of ['partOfId', 'followsId'] as const) {
      const id = event[link];
      if (id && !defined.has(id)) refs.push({ label: 'Event', id, field: `${at}.${link}` });
    }
  }
  for (const [i, r] of (input.relations ?? []).entries()) {
    refs.push(...actorRefs(r.from, `${field}.relations[${i}].from`), ...actorRefs(r.to, `${field}.relations[${i}].to`));
  }
  for (const [i, f] of (input.figures ?? []).entries())
    if (f.of) refs.push(...actorRefs(f.of, `${field}.figures[${i}].of`));
  const about = input.about;
  for (const [i, a] of (about?.actors ?? []).entries()) refs.push(...actorRefs(a, `${field}.about.actors[${i}]`));
  for (const [i, p] of (about?.places ?? []).entries()) refs.push(...placeRefs(p, `${field}.about.places[${i}]`));
  refs.push(...ids('Event', about?.eventIds, `${field}.about.eventIds`));
  refs.push(...ids('Claim', about?.claimIds, `${field}.about.claimIds`));
  return refs;
}

/**
 * Writes one validated claim in the open transaction and returns its id. The claim is ABOUT the
 * events it reports, the actors of the relations it states and whatever `about` names: the fact
 * edges it backs are found from there when its status changes.
 */
export async function writeClaim(tx: WriteTx, input: AddClaim, log: AuditLog, field: string): Promise<string> {
  const id = input.id ?? `claim:${randomUUID()}`;
  if ((await tx.run(CLAIM_EXISTS, { id })).length > 0)
    throw appError(ErrorCode.CONFLICT, `${field}.id: a claim with the id "${id}" exists already.`, {
      field: `${field}.id`,
    });

  const sourceIds = unique(input.sourceIds);
  const supportingSourceIds = unique(input.supportingSourceIds ?? []).filter((s) => !sourceIds.includes(s));
  const contradictingSourceIds = unique(input.contradictingSourceIds ?? []);
  await requireEvery(tx, referencesOf(input, field));
  const assertedById = await resolveActor(tx, input.assertedBy, log, `${field}.assertedBy`);
  const fingerprint = await refuseDuplicate(tx, input, assertedById, field);

  await tx.run(CREATE_CLAIM, {
    id,
    text: input.text,
    quote: input.quote ?? null,
    ...claimFolded(input.text, input.quote),
    notIndependentlyVerified: input.notIndependentlyVerified,
    assertedById,
    sourceIds,
    supportingSourceIds,
    contradictingSourceIds,
    by: log.by,
  });
  created(tx, 'Claim', id);
  await markFingerprint(tx, id, fingerprint);

  const about = {
    actorIds: [] as string[],
    placeIds: [] as string[],
    eventIds: [] as string[],
    claimIds: [] as string[],
  };
  const statedEventIds: string[] = [];
  // The deprecated EventInput.fatalities is a KILLED figure stated by this claim.
  const figureSpecs = (input.figures ?? []).map((spec, i) => ({ spec, field: `${field}.figures[${i}]` }));
  for (const [i, event] of (input.events ?? []).entries()) {
    const written = await writeEvent(tx, event, id, log, `${field}.events[${i}]`);
    statedEventIds.push(written.id);
    about.actorIds.push(...written.actorIds);
    about.placeIds.push(...written.placeIds);
    about.eventIds.push(...written.eventIds);
    if (event.fatalities)
      figureSpecs.push({
        spec: fatalitiesFigure(event.fatalities, written.id),
        field: `${field}.events[${i}].fatalities`,
      });
  }
  const figures = await writeFigures(tx, id, figureSpecs, statedEventIds, log);
  about.actorIds.push(...figures.flatMap((f) => (f.ofId ? [f.ofId] : [])));

  const relations: { fromId: string; kind: string; toId: string }[] = [];
  for (const [i, relation] of (input.relations ?? []).entries()) {
    const at = `${field}.relations[${i}]`;
    const fromId = await resolveActor(tx, relation.from, log, `${at}.from`);
    const toId = await resolveActor(tx, relation.to, log, `${at}.to`);
    if (fromId === toId) throw badInput(`${at}.to: ${fromId} cannot relate to itself.`, `${at}.to`);
    await tx.run(RELATE[relation.kind]!, { fromId, toId, claimId: id });
    relations.push({ fromId, kind: relation.kind, toId });
    about.actorIds.push(fromId, toId);
  }

  const stated = input.about;
  for (const [i, ref] of (stated?.actors ?? []).entries())
    about.actorIds.push(await resolveActor(tx, ref, log, `${field}.about.actors[${i}]`));
  for (const [i, ref] of (stated?.places ?? []).entries())
    about.placeIds.push(await resolvePlace(tx, ref, log, `${field}.about.places[${i}]`));
  await requireAll(tx, 'Event', stated?.eventIds ?? [], `${field}.about.eventIds`);
  about.eventIds.push(...(stated?.eventIds ?? []));
  about.claimIds.push(...(stated?.claimIds ?? []));
  const links = {
    statedEventIds: unique(statedEventIds),
    actorIds: unique(about.actorIds),
    placeIds: unique(about.placeIds),
    eventIds: unique(about.eventIds).filter((e) => !statedEventIds.includes(e)),
    claimIds: unique(about.claimIds),
  };
  await tx.run(LINK_ABOUT, { id, ...links });

  const statuses = await refreshStatuses(tx, [id]);
  log.record(id, {
    created: {
      text: input.text,
      quote: input.quote ?? null,
      assertedById,
      sourceIds,
      supportingSourceIds,
      contradictingSourceIds,
      notIndependentlyVerified: input.notIndependentlyVerified,
      relations,
      figures: figures.map(({ id: _id, ...figure }) => figure),
      about: links,
      status: statuses.get(id),
    },
  });
  return id;
}

export async function readClaim(tx: WriteTx, id: string): Promise<ClaimObject> {
  const [row] = await tx.run(READ_CLAIM, { id });
  if (!row) throw notFound('claim', id);
  return toClaim((row.get('c') as { properties: Record<string, unknown> }).properties);
}

/** Mutation addClaim: validated first, then one transaction. */
export async function addClaim(db: DbScope, given: AddClaimInput, writer: Writer): Promise<ClaimObject> {
  const input = parseAddClaim(given);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'addClaim');
    const { id } = await once(
      tx,
      writer.identity,
      input.idempotencyKey,
      'addClaim',
      () => writeClaim(tx, input, log, 'input'),
      input,
    );
    await log.flush(tx);
    return readClaim(tx, id);
  });
}

const RETRACT_CLAIM = `
  MATCH (c:Claim {id: $id})
  WITH c, c.retracted AS wasRetracted
  SET c.retracted = true, c.retractionReason = $reason, c.retractedBy = $by,
      c.retractedAt = datetime(), c.updatedAt = datetime()
  RETURN wasRetracted`;

const CLAIMS_IT_STANDS_ON = `
  MATCH (:Claim {id: $id})-[:DISPUTES|CORROBORATES]->(other:Claim)
  RETURN DISTINCT other.id AS id`;

/**
 * Mutation retractClaim (admin): the claim stays, with its reason, for history; default reads
 * hide it, and the fact edges it backed are re-ranked without it.
 */
export async function retractClaim(db: DbScope, given: RetractClaimInput, writer: Writer): Promise<ClaimObject> {
  const input = parseInput(retractClaimInput, given);
  return inOneTransaction(db, async (tx) => {
    await requireOne(tx, 'Claim', input.claimId, 'input.claimId');
    const log = new AuditLog(writer, 'retractClaim');
    const [row] = await tx.run(RETRACT_CLAIM, { id: input.claimId, reason: input.reason, by: writer.identity });
    // The claims it disputed lose their party; the events it counted lose its figures.
    const stanced = await tx.run(CLAIMS_IT_STANDS_ON, { id: input.claimId });
    await refreshStatuses(tx, [input.claimId, ...stanced.map((r) => r.get('id') as string)]);
    await refreshFatalitiesOfClaims(tx, [input.claimId]);
    log.record(input.claimId, {
      retracted: true,
      reason: input.reason,
      wasRetracted: row?.get('wasRetracted') === true,
    });
    await log.flush(tx);
    return readClaim(tx, input.claimId);
  });
}
