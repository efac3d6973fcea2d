/**
 * `importClaims`: many claims at once through the batched bulk path, all or nothing. Each item
 * is validated by the same input rules as the single writes (src/inputs), then the whole import
 * is planned in memory against one lookup of the ids and names it mentions, written by load.ts in
 * chunked statements inside ONE transaction, and the claims' statuses (and their fact edges') are
 * derived in the database by the write path's own refreshStatuses. Any refusal — a missing
 * source, an ambiguous name, an existing id — names its field and writes nothing.
 *
 * Differences from calling addClaim per claim, on purpose: an event that exists already (in the
 * database or earlier in the import) can gain participants and links here, but not new values for
 * its type, time, description or place (updateEvent changes those). Figures come as in addClaim
 * (AddClaimInput.figures, and the deprecated EventInput.fatalities as a KILLED figure), each of
 * one event the claim states; the events' stored KILLED ranges are re-derived once written.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appError, badInput, ErrorCode } from '../../errors.js';
import { addActorInput, type ActorRef } from '../../inputs/actor.js';
import { parseAddClaim, type AddClaim } from '../../inputs/claim.js';
import { newEventId, type EventSpec } from '../../inputs/event.js';
import { idempotencyKey, optional, parseInput } from '../../inputs/fields.js';
import { addPlaceInput, type PlaceRef } from '../../inputs/place.js';
import { addSourceInput } from '../../inputs/source.js';
import type {
  AddActorInput,
  AddClaimInput,
  AddPlaceInput,
  AddSourceInput,
  ImportClaimsInput,
} from '../../generated/graphql.js';
import { AuditLog, type Writer } from '../write/audit.js';
import { existingIdList, writeBulkGraph, type BulkGraph } from './load.js';
import { refreshStatuses } from '../write/claim-status.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { ambiguous } from '../write/names.js';
import { onceValue } from '../write/idempotency.js';
import { idFromName, nameKey, type NamedLabel } from '../../domain/names.js';
import { timeLabel } from '../../domain/time-label.js';
import { notFoundAt } from '../write/checks.js';
import { claimFingerprint, refuseDuplicates } from '../write/claim-duplicates.js';
import { fatalitiesFigure, figureEvent, refreshEventFatalities, statedFigure } from '../write/figures.js';

export interface ImportSummary {
  sourcesAdded: number;
  claimsAdded: number;
  actorsCreated: number;
  placesCreated: number;
  eventsCreated: number;
}

/** The most claims one import takes (the request body limit usually binds first). */
export const MAX_IMPORT_CLAIMS = 10_000;

// The lists only, typed as the SDL says: each item is validated below by the single writes' rules,
// so a refusal names its place in the list.
const checkedLater = <T>() => z.custom<T>();
const importShape = z.object({
  idempotencyKey: optional(idempotencyKey),
  actors: optional(z.array(checkedLater<AddActorInput>())),
  places: optional(z.array(checkedLater<AddPlaceInput>())),
  sources: optional(z.array(checkedLater<AddSourceInput>())),
  claims: z.array(checkedLater<AddClaimInput>()).min(1, 'must list at least one claim').max(MAX_IMPORT_CLAIMS),
});

// Which names of the import already name nodes, and which nodes (a place with the ids of the
// places it lies in, nearest first: a name under a parent matches only inside it).
const NAMED = `
  UNWIND $keys AS key
  MATCH (:Name {key: key})-[:NAMES]->(n)
  RETURN key, collect({id: n.id, name: n.name, ancestorIds: [(n)-[:LOCATED_IN*1..]->(a:Place) | a.id]}) AS named`;

interface Named {
  id: string;
  name: string;
  ancestorIds: string[];
}

type Label = 'Actor' | 'Place' | 'Source' | 'Event' | 'Claim';
const unique = (ids: readonly string[]) => [...new Set(ids)];
const conflict = (field: string, message: string) => appError(ErrorCode.CONFLICT, `${field}: ${message}`, { field });

/** Everything the import refers to, collected before the one lookup. */
function mentioned(actors: AddActorInput[], places: AddPlaceInput[], sources: AddSourceInput[], claims: AddClaim[]) {
  const ids: Record<Label, string[]> = { Actor: [], Place: [], Source: [], Event: [], Claim: [] };
  const keys: string[] = [];
  const ref = (label: NamedLabel, r: { id?: string; name?: string; parentId?: string; parent?: PlaceRef }) => {
    if (r.id) ids[label].push(r.id);
    if (r.name) keys.push(nameKey(label, r.name));
    // A place's parent, by id or inline, is looked up with it.
    if (r.parentId) ids.Place.push(r.parentId);
    if (r.parent) ref('Place', r.parent);
  };
  for (const a of actors) {
    keys.push(...[a.name, ...(a.aliases ?? [])].map((n) => nameKey('Actor', n)));
    ids.Actor.push(a.id ?? idFromName('actor', a.name));
  }
  for (const p of places) {
    ids.Place.push(p.id ?? idFromName('place', p.name), ...(p.parentId ? [p.parentId] : []));
    keys.push(...[p.name, ...(p.aliases ?? [])].map((n) => nameKey('Place', n)));
  }
  for (const s of sources) ids.Source.push(...(s.id ? [s.id] : []), ...(s.citesIds ?? []));
  for (const c of claims) {
    if (c.id) ids.Claim.push(c.id);
    ids.Source.push(...c.sourceIds, ...(c.supportingSourceIds ?? []), ...(c.contradictingSourceIds ?? []));
    ref('Actor', c.assertedBy);
    for (const e of c.events ?? []) {
      ids.Event.push(...[e.id, e.partOfId, e.followsId].filter((x): x is string => !!x));
      if (e.place) ref('Place', e.place);
      for (const p of e.participants ?? []) ref('Actor', p.actor);
    }
    for (const r of c.relations ?? []) {
      ref('Actor', r.from);
      ref('Actor', r.to);
    }
    for (const f of c.figures ?? []) if (f.of) ref('Actor', f.of);
    for (const a of c.about?.actors ?? []) ref('Actor', a);
    for (const p of c.about?.places ?? []) ref('Place', p);
    ids.Event.push(...(c.about?.eventIds ?? []));
    ids.Claim.push(...(c.about?.claimIds ?? []));
  }
  for (const label of Object.keys(ids) as Label[]) ids[label] = unique(ids[label]);
  // Ids derived from new names must be free too.
  for (const key of keys) if (key.startsWith('actor:')) ids.Actor.push(idFromName('actor', key.slice(6)));
  for (const key of keys) if (key.startsWith('place:')) ids.Place.push(idFromName('place', key.slice(6)));
  return { ids, keys: unique(keys) };
}

/** The import, planned: what exists, what it defines, and the bulk graph that writes it. */
class ImportPlan {
  readonly graph: Required<BulkGraph> = {
    actors: [],
    places: [],
    sources: [],
    events: [],
    claims: [],
    participations: [],
    occurrences: [],
    actorRelations: [],
    eventLinks: [],
    figures: [],
  };

  constructor(
    private readonly known: Record<Label, Set<string>>,
    private readonly names: Map<string, Named[]>,
    private readonly log: AuditLog,
  ) {}

  /** What the import did to each event, recorded in its history once the plan is complete. */
  private readonly eventChanges = new Map<string, Record<string, unknown> & { claimIds: string[] }>();

  /** The ancestors of a place the import defines or already knows, nearest first. */
  private ancestorsOf(placeId: string): string[] {
    for (const named of this.names.values()) {
      const found = named.find((n) => n.id === placeId);
      if (found) return found.ancestorIds;
    }
    const defined = this.graph.places.find((p) => p.id === placeId);
    return defined?.parentId ? [defined.parentId, ...this.ancestorsOf(defined.parentId)] : [];
  }

  require(label: Label, id: string, field: string): string {
    if (!this.known[label].has(id)) throw notFoundAt(label, id, field);
    return id;
  }

  /** What each new claim says, hashed, to refuse one entered before (claim-duplicates.ts). */
  readonly fingerprints: { fingerprint: string; field: string; separate: boolean }[] = [];

  /** Events a claim links to, checked once every claim is planned: a later claim may define them. */
  private readonly eventReferences: { id: string; field: string }[] = [];

  private laterEvent(id: string, field: string): string {
    this.eventReferences.push({ id, field });
    return id;
  }

  /** Refuses a link to an event that neither exists nor is defined anywhere in the import. */
  checkEventReferences(): void {
    for (const { id, field } of this.eventReferences) this.require('Event', id, field);
  }

  // Place names are unique per parent (src/graph/write/names.ts): owners elsewhere are kept.
  private claimNames(
    label: NamedLabel,
    id: string,
    name: string,
    aliases: string[],
    field: string,
    ancestorIds: string[] = [],
  ): void {
    for (const n of [name, ...aliases]) {
      const key = nameKey(label, n);
      const all = (this.names.get(key) ?? []).filter((o) => o.id !== id);
      const owners = all.filter((o) => label === 'Actor' || (o.ancestorIds[0] ?? null) === (ancestorIds[0] ?? null));
      if (owners.length > 0)
        throw conflict(
          field,
          `"${n}" already names ${owners[0]!.id} (${owners[0]!.name}): refer to it by id instead of adding it again.`,
        );
      this.names.set(key, [...all, { id, name, ancestorIds }]);
    }
  }

  private fresh(label: Label, id: string, field: string): void {
    if (this.known[label].has(id))
      throw conflict(`${field}.id`, `a ${label.toLowerCase()} with the id "${id}" exists already.`);
    this.known[label].add(id);
  }

  defineActor(actor: AddActorInput, field: string): string {
    const a = parseInput(addActorInput, actor, field);
    const id = a.id ?? idFromName('actor', a.name);
    this.fresh('Actor', id, field);
    const aliases = unique(a.aliases ?? []);
    this.claimNames('Actor', id, a.name, aliases, field);
    this.graph.actors.push({ id, name: a.name, kind: a.kind, aliases, description: a.description ?? null });
    this.log.record(id, { created: { name: a.name, kind: a.kind, aliases } });
    return id;
  }

  definePlace(place: AddPlaceInput, field: string): string {
    const p = parseInput(addPlaceInput, place, field);
    const id = p.id ?? idFromName('place', p.name);
    if (p.parentId) this.require('Place', p.parentId, `${field}.parentId`);
    this.fresh('Place', id, field);
    const aliases = unique(p.aliases ?? []);
    if (p.geonamesId || p.pcode)
      throw badInput(
        `${field}: importClaims does not take gazetteer codes (geonamesId, pcode); give them with enterReport or addPlace.`,
        `${field}.${p.geonamesId ? 'geonamesId' : 'pcode'}`,
      );
    const ancestorIds = p.parentId ? [p.parentId, ...this.ancestorsOf(p.parentId)] : [];
    this.claimNames('Place', id, p.name, aliases, field, ancestorIds);
    this.graph.places.push({
      id,
      name: p.name,
      kind: p.kind,
      aliases,
      location: p.location ?? null,
      parentId: p.parentId ?? null,
    });
    this.log.record(id, { created: { name: p.name, kind: p.kind, aliases, parentId: p.parentId ?? null } });
    return id;
  }

  defineSource(source: AddSourceInput, field: string): void {
    const s = parseInput(addSourceInput, source, field);
    const id = s.id ?? `source:${randomUUID()}`;
    const citesIds = unique(s.citesIds ?? []);
    citesIds.forEach((c, i) => this.require('Source', c, `${field}.citesIds[${i}]`));
    this.fresh('Source', id, field);
    this.graph.sources.push({
      id,
      kind: s.kind,
      title: s.title,
      publisher: s.publisher ?? null,
      author: s.author ?? null,
      url: s.url ?? null,
      publishedAt: s.publishedAt ?? null,
      language: s.language ?? null,
      reliability: s.reliability,
      citesIds,
    });
    this.log.record(id, { created: { kind: s.kind, title: s.title, citesIds } });
  }

  private resolve(label: NamedLabel, ref: ActorRef | PlaceRef, field: string): string {
    if (ref.id !== undefined) return this.require(label, ref.id, `${field}.id`);
    let parentId: string | undefined;
    if (label === 'Place') {
      const place = ref as PlaceRef;
      if (place.geonamesId || place.pcode || place.name === undefined)
        throw badInput(
          `${field}: importClaims does not look places up by gazetteer code; refer to the place by id or name, or use enterReport.`,
          field,
        );
      if (place.parent) parentId = this.resolve('Place', place.parent, `${field}.parent`);
      else if (place.parentId) parentId = this.require('Place', place.parentId, `${field}.parentId`);
    }
    // Under a parent, only the places inside it: nothing is attached to a place not named.
    const found = (this.names.get(nameKey(label, ref.name!)) ?? []).filter(
      (n) => parentId === undefined || n.ancestorIds.includes(parentId),
    );
    if (found.length === 1) return found[0]!.id;
    if (found.length > 1) throw ambiguous(label, ref.name!, found, `${field}.name`);
    if (!ref.kind)
      throw badInput(
        `${field}.kind is required: nothing is named "${ref.name}", so it will be created and needs a kind.`,
        `${field}.kind`,
      );
    // A new node by name and kind (both checked above): defined as the import's own would be.
    if (label === 'Actor') {
      const actor = ref as ActorRef;
      return this.defineActor({ ...actor, name: actor.name!, kind: actor.kind! }, field);
    }
    const { name, kind, aliases, location } = ref as PlaceRef;
    return this.definePlace({ name: name!, kind: kind!, aliases, location, parentId }, field);
  }

  /** Plans the event; returns its id and the nodes the claim links through it. */
  private event(spec: EventSpec, claimId: string, field: string): { id: string; linked: string[][] } {
    let id: string;
    const actorIds: string[] = [];
    const placeIds: string[] = [];
    const eventIds: string[] = [];
    if (spec.id && this.known.Event.has(spec.id)) {
      id = spec.id;
      const stated = (['type', 'subType', 'time', 'description', 'place'] as const).find((k) => spec[k] !== undefined);
      if (stated)
        throw badInput(
          `${field}.${stated}: event ${id} exists already; an import only adds participants and links to it (updateEvent changes its ${stated}).`,
          `${field}.${stated}`,
        );
    } else {
      if (spec.id) parseInput(newEventId, spec.id, `${field}.id`);
      if (!spec.type) throw badInput(`${field}.type is required for a new event.`, `${field}.type`);
      if (!spec.description)
        throw badInput(`${field}.description is required for a new event.`, `${field}.description`);
      id = spec.id ?? `event:${randomUUID()}`;
      this.fresh('Event', id, field);
      this.graph.events.push({
        id,
        type: spec.type,
        subType: spec.subType ?? null,
        startTime: spec.time?.start ?? null,
        endTime: spec.time?.end ?? null,
        timePrecision: spec.time?.precision ?? 'UNKNOWN',
        timeLabel: spec.time ? (spec.time.label ?? timeLabel(spec.time)) : 'unknown time',
        description: spec.description,
        // Derived from the figures once written (refreshEventFatalities).
        fatalitiesLow: null,
        fatalitiesHigh: null,
        fatalitiesBest: null,
        createdBy: this.log.by,
      });
      const placeId = spec.place ? this.resolve('Place', spec.place, `${field}.place`) : null;
      if (placeId) {
        this.graph.occurrences.push({ eventId: id, placeId, claimId, status: 'REPORTED' });
        placeIds.push(placeId);
      }
      this.eventChanges.set(id, {
        created: true,
        type: spec.type,
        subType: spec.subType ?? null,
        description: spec.description,
        ...(spec.time ? { time: spec.time } : {}),
        ...(placeId ? { place: placeId } : {}),
        claimIds: [],
      });
    }
    const changes = this.eventChanges.get(id) ?? { claimIds: [] };
    this.eventChanges.set(id, changes);
    if (!changes.claimIds.includes(claimId)) changes.claimIds.push(claimId);
    (spec.participants ?? []).forEach((p, i) => {
      const actorId = this.resolve('Actor', p.actor, `${field}.participants[${i}].actor`);
      this.graph.participations.push({ actorId, eventId: id, role: p.role, claimId, status: 'REPORTED' });
      actorIds.push(actorId);
      const participants = (changes.participants ??= []) as { actorId: string; role: string; claimId: string }[];
      participants.push({ actorId, role: p.role, claimId });
    });
    if (spec.partOfId) changes.partOfId = spec.partOfId;
    if (spec.followsId) changes.followsId = spec.followsId;
    if (spec.partOfId) {
      this.laterEvent(spec.partOfId, `${field}.partOfId`);
      this.graph.eventLinks.push({ fromId: id, kind: 'PART_OF', toId: spec.partOfId, claimId, status: 'REPORTED' });
      eventIds.push(spec.partOfId);
    }
    if (spec.followsId) {
      this.laterEvent(spec.followsId, `${field}.followsId`);
      this.graph.eventLinks.push({
        fromId: spec.followsId,
        kind: 'FOLLOWED_BY',
        toId: id,
        claimId,
        status: 'REPORTED',
      });
      eventIds.push(spec.followsId);
    }
    return { id, linked: [actorIds, placeIds, eventIds] };
  }

  /** Notes in the audit log what the import did to each event (created, participants, links). */
  recordEvents(): void {
    for (const [id, changes] of this.eventChanges) this.log.record(id, changes);
  }

  defineClaim(c: AddClaim, field: string): string {
    const id = c.id ?? `claim:${randomUUID()}`;
    const sourceIds = unique(c.sourceIds);
    const supporting = unique(c.supportingSourceIds ?? []).filter((s) => !sourceIds.includes(s));
    const contradicting = unique(c.contradictingSourceIds ?? []);
    for (const [list, name] of [
      [c.sourceIds, 'sourceIds'],
      [c.supportingSourceIds ?? [], 'supportingSourceIds'],
      [c.contradictingSourceIds ?? [], 'contradictingSourceIds'],
    ] as const)
      list.forEach((s, i) => this.require('Source', s, `${field}.${name}[${i}]`));
    const assertedById = this.resolve('Actor', c.assertedBy, `${field}.assertedBy`);
    if (this.known.Claim.has(id)) throw conflict(`${field}.id`, `a claim with the id "${id}" exists already.`);
    const about = {
      actorIds: [] as string[],
      placeIds: [] as string[],
      eventIds: [] as string[],
      sourceIds: [],
      claimIds: [] as string[],
    };
    const statesEventIds: string[] = [];
    const figureSpecs = (c.figures ?? []).map((spec, i) => ({ spec, field: `${field}.figures[${i}]` }));
    (c.events ?? []).forEach((e, i) => {
      const { id: eventId, linked } = this.event(e, id, `${field}.events[${i}]`);
      statesEventIds.push(eventId);
      about.actorIds.push(...linked[0]!);
      about.placeIds.push(...linked[1]!);
      about.eventIds.push(...linked[2]!);
      if (e.fatalities)
        figureSpecs.push({ spec: fatalitiesFigure(e.fatalities, eventId), field: `${field}.events[${i}].fatalities` });
    });
    figureSpecs.forEach(({ spec, field: at }, i) => {
      const eventId = figureEvent(spec, statesEventIds, at);
      const ofId = spec.of ? this.resolve('Actor', spec.of, `${at}.of`) : null;
      if (ofId) about.actorIds.push(ofId);
      this.graph.figures.push({ ...statedFigure(spec, `${id}#figure-${i + 1}`, eventId, ofId), claimId: id });
    });
    (c.relations ?? []).forEach((r, i) => {
      const fromId = this.resolve('Actor', r.from, `${field}.relations[${i}].from`);
      const toId = this.resolve('Actor', r.to, `${field}.relations[${i}].to`);
      if (fromId === toId)
        throw badInput(
          `${field}.relations[${i}].to: ${fromId} cannot relate to itself.`,
          `${field}.relations[${i}].to`,
        );
      this.graph.actorRelations.push({ fromId, kind: r.kind, toId, claimId: id, status: 'REPORTED' });
      about.actorIds.push(fromId, toId);
    });
    (c.about?.actors ?? []).forEach((a, i) =>
      about.actorIds.push(this.resolve('Actor', a, `${field}.about.actors[${i}]`)),
    );
    (c.about?.places ?? []).forEach((p, i) =>
      about.placeIds.push(this.resolve('Place', p, `${field}.about.places[${i}]`)),
    );
    (c.about?.eventIds ?? []).forEach((e, i) =>
      about.eventIds.push(this.laterEvent(e, `${field}.about.eventIds[${i}]`)),
    );
    (c.about?.claimIds ?? []).forEach((k, i) =>
      about.claimIds.push(this.require('Claim', k, `${field}.about.claimIds[${i}]`)),
    );
    this.known.Claim.add(id);
    const fingerprint = claimFingerprint(c, assertedById);
    this.fingerprints.push({ fingerprint, field, separate: c.separateClaim === true });
    this.graph.claims.push({
      id,
      text: c.text,
      quote: c.quote ?? null,
      fingerprint,
      status: 'REPORTED', // derived in the database once written (refreshStatuses)
      notIndependentlyVerified: c.notIndependentlyVerified,
      createdBy: this.log.by,
      assertedById,
      reportedInIds: sourceIds,
      supportingIds: supporting,
      contradictingIds: contradicting,
      about: {
        actorIds: unique(about.actorIds),
        placeIds: unique(about.placeIds),
        eventIds: unique(about.eventIds).filter((e) => !statesEventIds.includes(e)),
        sourceIds: [],
        claimIds: unique(about.claimIds).filter((k) => k !== id),
      },
      statesEventIds: unique(statesEventIds),
    });
    this.log.record(id, {
      created: {
        text: c.text,
        assertedById,
        sourceIds,
        supportingSourceIds: supporting,
        contradictingSourceIds: contradicting,
      },
    });
    return id;
  }
}

async function lookUp(tx: WriteTx, ids: Record<Label, string[]>, keys: string[]) {
  const existing = await existingIdList(tx, {
    actors: ids.Actor,
    places: ids.Place,
    sources: ids.Source,
    events: ids.Event,
    claims: ids.Claim,
  });
  const known: Record<Label, Set<string>> = {
    Actor: new Set(existing.actors),
    Place: new Set(existing.places),
    Source: new Set(existing.sources),
    Event: new Set(existing.events),
    Claim: new Set(existing.claims),
  };
  const rows = await tx.run(NAMED, { keys });
  const names = new Map(rows.map((r) => [r.get('key') as string, r.get('named') as Named[]]));
  return { known, names };
}

/** Mutation importClaims: validated item by item, then one transaction; returns what it added. */
export async function importClaims(db: DbScope, given: ImportClaimsInput, writer: Writer): Promise<ImportSummary> {
  const input = parseInput(importShape, given, 'input');
  const actors = input.actors ?? [];
  const places = input.places ?? [];
  const sources = input.sources ?? [];
  const claims = input.claims.map((c, i) => parseAddClaim(c, `input.claims[${i}]`));
  // Shapes first (nothing is looked up for an input that cannot be valid).
  actors.forEach((a, i) => parseInput(addActorInput, a, `input.actors[${i}]`));
  places.forEach((p, i) => parseInput(addPlaceInput, p, `input.places[${i}]`));
  sources.forEach((s, i) => parseInput(addSourceInput, s, `input.sources[${i}]`));

  return db.write(async (tx) => {
    const log = new AuditLog(writer, 'importClaims');
    const work = async (): Promise<ImportSummary> => {
      const { ids, keys } = mentioned(actors, places, sources, claims);
      const { known, names } = await lookUp(tx, ids, keys);
      const plan = new ImportPlan(known, names, log);
      actors.forEach((a, i) => plan.defineActor(a, `input.actors[${i}]`));
      places.forEach((p, i) => plan.definePlace(p, `input.places[${i}]`));
      sources.forEach((s, i) => plan.defineSource(s, `input.sources[${i}]`));
      const claimIds = claims.map((c, i) => plan.defineClaim(c, `input.claims[${i}]`));
      plan.checkEventReferences();
      await refuseDuplicates(tx, plan.fingerprints);
      plan.recordEvents();

      const written = await writeBulkGraph(tx, plan.graph);
      await refreshStatuses(tx, claimIds);
      await refreshEventFatalities(tx, unique(plan.graph.figures.map((f) => f.eventId)));
      return {
        sourcesAdded: written.sources,
        claimsAdded: written.claims,
        actorsCreated: written.actors,
        placesCreated: written.places,
        eventsCreated: written.events,
      };
    };
    // A retry with the same key and the same import returns the first summary (idempotency.ts).
    const { value } = await onceValue(tx, writer.identity, input.idempotencyKey, 'importClaims', work, given);
    await log.flush(tx);
    return value;
  });
}
