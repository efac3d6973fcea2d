/**
 * Writing places (the gazetteer): add one, find or create one a write names, update one, and
 * change one alias. A place lies in at most one parent (LOCATED_IN) and is identified in its
 * hierarchy: by id, by gazetteer code (GeoNames id, OCHA P-code), or by name under the parent
 * given — never by a name that matches elsewhere (names.ts). A merged place's id resolves to the
 * place it was merged into (place-merge.ts).
 */
import { randomUUID } from 'node:crypto';
import { appError, badInput, ErrorCode, notFound } from '../../errors.js';
import { aliasInput, parseInput } from '../../inputs/fields.js';
import { type AddPlace, type PlaceRef, addPlaceInput, updatePlaceInput } from '../../inputs/place.js';
import { AuditLog, changesOf, type Writer } from './audit.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { inOneTransaction } from './transaction.js';
import { once } from './idempotency.js';
import { toPlace, type PlaceObject } from '../core/mapping.js';
import { ambiguous, hierarchyOf, lockName, nearDuplicates, nextAliases, placesNamed, setNames } from './names.js';
import { idFromName } from '../../domain/names.js';
import { created, requireOne } from './checks.js';
import { noteNearDuplicate, noteOutcome } from './outcomes.js';
import type { AddPlaceInput, AliasInput, UpdatePlaceInput } from '../../generated/graphql.js';

const PLACE_EXISTS = `MATCH (p:Place {id: $id}) RETURN p.id AS id`;

/** A WGS-84 point from {latitude, longitude}, or null. */
export const POINT = `CASE WHEN $location IS NULL THEN null
  ELSE point({latitude: $location.latitude, longitude: $location.longitude}) END`;

const CREATE_PLACE = `
  CREATE (p:Place {
    id: $id, name: $name, kind: $kind, aliases: $aliases, aliasText: $aliasText,
    geonamesId: $geonamesId, pcode: $pcode,
    location: ${POINT}, createdBy: $by, createdAt: datetime(), updatedAt: datetime()
  })`;

const SET_PARENT = `
  MATCH (p:Place {id: $id}), (parent:Place {id: $parentId})
  OPTIONAL MATCH (p)-[old:LOCATED_IN]->()
  DELETE old
  MERGE (p)-[:LOCATED_IN]->(parent)`;

// A place inside itself (at any depth) would make "everything inside" queries loop.
const WOULD_CYCLE = `
  MATCH (parent:Place {id: $parentId})
  RETURN parent.id = $id OR EXISTS { (parent)-[:LOCATED_IN*1..]->(:Place {id: $id}) } AS cycle`;

const READ_PLACE = `MATCH (p:Place {id: $id}) RETURN p`;

// Gazetteer codes name one place each (unique constraints back this up under concurrency).
const PLACE_WITH_CODE = `
  OPTIONAL MATCH (g:Place {geonamesId: $geonamesId})
  OPTIONAL MATCH (c:Place {pcode: $pcode})
  RETURN g.id AS byGeonames, c.id AS byPcode`;

/** The id a place reference by id names (a merged place's id is refused, naming the kept one). */
export async function placeById(tx: WriteTx, id: string, field: string): Promise<string> {
  await requireOne(tx, 'Place', id, field);
  return id;
}

/** Puts a place inside another (replacing its parent), refusing cycles. */
export async function setParent(tx: WriteTx, id: string, parentId: string, field: string): Promise<void> {
  await requireOne(tx, 'Place', parentId, field);
  const [row] = await tx.run(WOULD_CYCLE, { id, parentId });
  if (row?.get('cycle') === true)
    throw badInput(`${field}: ${parentId} lies inside ${id}; a place cannot lie inside itself.`, field);
  await tx.run(SET_PARENT, { id, parentId });
}

/** The places that already have these codes, as {field: id}. */
async function codeOwners(tx: WriteTx, codes: { geonamesId?: string; pcode?: string }) {
  if (!codes.geonamesId && !codes.pcode) return {};
  const [row] = await tx.run(PLACE_WITH_CODE, {
    geonamesId: codes.geonamesId ?? null,
    pcode: codes.pcode ?? null,
  });
  const owners: { geonamesId?: string; pcode?: string } = {};
  if (row?.get('byGeonames')) owners.geonamesId = row.get('byGeonames') as string;
  if (row?.get('byPcode')) owners.pcode = row.get('byPcode') as string;
  return owners;
}

/** A free id for a new place: its name's, else its name's and its parent's, else made unique. */
async function freePlaceId(tx: WriteTx, spec: AddPlace, field: string): Promise<string> {
  const taken = async (id: string) => (await tx.run(PLACE_EXISTS, { id })).length > 0;
  if (spec.id) {
    if (await taken(spec.id))
      throw appError(ErrorCode.CONFLICT, `${field}.id: a place with the id "${spec.id}" exists already.`, {
        field: `${field}.id`,
      });
    return spec.id;
  }
  const id = idFromName('place', spec.name);
  if (!(await taken(id))) return id;
  // The second Dioura: "place:dioura-gao-region".
  if (spec.parentId) {
    const scoped = `${id}-${spec.parentId.replace(/^place:/, '')}`;
    if (!(await taken(scoped))) return scoped;
  }
  return `${id}-${randomUUID().slice(0, 8)}`;
}

/**
 * Creates a place; its name and aliases must not name another place with the same parent, and
 * its gazetteer codes must be its own. Existing places of a close name are noted (outcomes.ts)
 * and kept in its history.
 */
export async function createPlace(tx: WriteTx, spec: AddPlace, log: AuditLog, field: string): Promise<string> {
  if (spec.parentId) await requireOne(tx, 'Place', spec.parentId, `${field}.parentId`);
  const owners = await codeOwners(tx, spec);
  for (const code of ['geonamesId', 'pcode'] as const) {
    if (owners[code])
      throw appError(
        ErrorCode.CONFLICT,
        `${field}.${code}: ${spec[code]} is the ${code === 'pcode' ? 'P-code' : 'GeoNames id'} of ${owners[code]}: refer to that place (by id or by this code) instead of adding it again.`,
        { field: `${field}.${code}`, candidates: [{ id: owners[code] }] },
      );
  }
  const id = await freePlaceId(tx, spec, field);
  const aliases = [...new Set((spec.aliases ?? []).filter((a) => a !== spec.name))];
  const names = [spec.name, ...aliases];
  await lockName(tx, 'Place', names);
  await tx.run(CREATE_PLACE, {
    id,
    name: spec.name,
    kind: spec.kind,
    aliases,
    aliasText: aliases.join(' | '),
    geonamesId: spec.geonamesId ?? null,
    pcode: spec.pcode ?? null,
    location: spec.location ?? null,
    by: log.by,
  });
  created(tx, 'Place', id);
  await setNames(tx, 'Place', id, names, { exclusive: true, field, parentId: spec.parentId ?? null });
  if (spec.parentId) await tx.run(SET_PARENT, { id, parentId: spec.parentId });
  const near = await nearDuplicates(tx, 'Place', id, names);
  if (near.length > 0) noteNearDuplicate(tx, { field, id, name: spec.name, candidates: near });
  noteOutcome(tx, 'places', { field, id, name: spec.name, outcome: 'CREATED' });
  log.record(id, {
    created: {
      name: spec.name,
      kind: spec.kind,
      aliases,
      location: spec.location ?? null,
      geonamesId: spec.geonamesId ?? null,
      pcode: spec.pcode ?? null,
      parentId: spec.parentId ?? null,
    },
    ...(near.length > 0
      ? { nearDuplicates: near.map(({ id: nid, name, distance }) => ({ id: nid, name, distance })) }
      : {}),
  });
  return id;
}

const matched = (tx: WriteTx, field: string, id: string, name: string | null) => {
  noteOutcome(tx, 'places', { field, id, name, outcome: 'MATCHED' });
  return id;
};

/**
 * The id of the place a ref names: an existing id (or a merged one's), the place with its
 * gazetteer code, the one place its name names under its parent (anywhere inside it), or a new
 * place under that parent. A parent given inline is resolved first, the same way.
 */
export async function resolvePlace(tx: WriteTx, ref: PlaceRef, log: AuditLog, field: string): Promise<string> {
  if (ref.id !== undefined) return matched(tx, field, await placeById(tx, ref.id, `${field}.id`), null);
  const owners = await codeOwners(tx, ref);
  const byCode = owners.geonamesId ?? owners.pcode;
  if (owners.geonamesId && owners.pcode && owners.geonamesId !== owners.pcode) {
    throw badInput(
      `${field}: geonamesId ${ref.geonamesId} is ${owners.geonamesId}'s and pcode ${ref.pcode} is ${owners.pcode}'s; give the codes of one place.`,
      field,
    );
  }
  if (byCode) return matched(tx, field, byCode, ref.name ?? null);
  if (ref.name === undefined) {
    throw badInput(
      `${field}.name is required: no place has ${ref.geonamesId ? `GeoNames id ${ref.geonamesId}` : `P-code ${ref.pcode}`}, so it will be created and needs a name and kind.`,
      `${field}.name`,
    );
  }
  const name = ref.name;
  let parentId: string | undefined;
  if (ref.parent) parentId = await resolvePlace(tx, ref.parent, log, `${field}.parent`);
  else if (ref.parentId) parentId = await placeById(tx, ref.parentId, `${field}.parentId`);

  const inScope = async () =>
    (await placesNamed(tx, name)).filter(
      (p) => parentId === undefined || (p.id !== parentId && p.ancestors.some((a) => a.id === parentId)),
    );
  let found = await inScope();
  if (found.length === 0 && parentId !== undefined) {
    // Others of that name exist elsewhere: hold the name, then look again (a concurrent write
    // may just have created it under this parent).
    await lockName(tx, 'Place', [name]);
    found = await inScope();
  }
  if (found.length === 1) return matched(tx, field, found[0]!.id, found[0]!.name);
  if (found.length > 1) throw ambiguous('Place', name, found, `${field}.name`);
  if (!ref.kind) {
    const elsewhere = parentId ? (await placesNamed(tx, name)).map(hierarchyOf) : [];
    throw badInput(
      `${field}.kind is required: no place is named "${name}"${parentId ? ` inside ${parentId}` : ''}${elsewhere.length ? ` (only ${elsewhere.join('; ')})` : ''}, so it will be created and needs a kind (or refer to an existing place by id).`,
      `${field}.kind`,
    );
  }
  return createPlace(
    tx,
    {
      name,
      kind: ref.kind,
      aliases: ref.aliases,
      location: ref.location,
      geonamesId: ref.geonamesId,
      pcode: ref.pcode,
      parentId,
    },
    log,
    field,
  );
}

export async function readPlace(tx: WriteTx, id: string): Promise<PlaceObject> {
  const [row] = await tx.run(READ_PLACE, { id });
  if (!row) throw notFound('place', id);
  return toPlace((row.get('p') as { properties: Record<string, unknown> }).properties);
}

/** Mutation addPlace: one transaction. */
export async function addPlace(db: DbScope, given: AddPlaceInput, writer: Writer): Promise<PlaceObject> {
  const input = parseInput(addPlaceInput, given);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'addPlace');
    const { id } = await once(
      tx,
      writer.identity,
      input.idempotencyKey,
      'addPlace',
      () => createPlace(tx, input, log, 'input'),
      input,
    );
    await log.flush(tx);
    return readPlace(tx, id);
  });
}

const UPDATE_PLACE = `
  MATCH (p:Place {id: $id})
  SET p += $fields, p.updatedAt = datetime()`;

const SET_LOCATION = `
  MATCH (p:Place {id: $id})
  SET p.location = ${POINT}`;

/**
 * Mutation updatePlace: changes the given fields; `aliases` replaces the list, `parentId` moves
 * it (never inside itself). Shared names are allowed and then ambiguous, as for actors.
 */
export async function updatePlace(db: DbScope, given: UpdatePlaceInput, writer: Writer): Promise<PlaceObject> {
  const input = parseInput(updatePlaceInput, given);
  return inOneTransaction(db, async (tx) => {
    await requireOne(tx, 'Place', input.id, 'input.id');
    const log = new AuditLog(writer, 'updatePlace');
    const current = await readPlace(tx, input.id);
    const name = input.name ?? current.name;
    const aliases = [...new Set((input.aliases ?? current.aliases).filter((a) => a !== name))];
    const fields: Record<string, unknown> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.kind !== undefined) fields.kind = input.kind;
    const owners = await codeOwners(tx, input);
    for (const code of ['geonamesId', 'pcode'] as const) {
      if (input[code] === undefined) continue;
      if (owners[code] && owners[code] !== input.id)
        throw appError(ErrorCode.CONFLICT, `input.${code}: ${input[code]} is ${owners[code]}'s already.`, {
          field: `input.${code}`,
        });
      fields[code] = input[code];
    }
    if (input.name !== undefined || input.aliases !== undefined) {
      fields.aliases = aliases;
      fields.aliasText = aliases.join(' | ');
      await setNames(tx, 'Place', input.id, [name, ...aliases], { exclusive: false, replace: true, field: 'input' });
    }
    await tx.run(UPDATE_PLACE, { id: input.id, fields });
    const changed = changesOf(current, fields);
    if (input.location) {
      await tx.run(SET_LOCATION, { id: input.id, location: input.location });
      changed.location = { from: current.location, to: input.location };
    }
    if (input.parentId) {
      await setParent(tx, input.id, input.parentId, 'input.parentId');
      changed.parentId = { to: input.parentId };
    }
    log.record(input.id, { changed });
    await log.flush(tx);
    return readPlace(tx, input.id);
  });
}

const PARENT_OF = `MATCH (p:Place {id: $id}) RETURN head([(p)-[:LOCATED_IN]->(q:Place) | q.id]) AS parentId`;

/**
 * Mutations addPlaceAlias / removePlaceAlias: one alias at a time, the rest of the list kept. An
 * alias that names another place with the same parent is refused (CONFLICT); the name itself is
 * not an alias to remove.
 */
export function placeAliasMutation(change: 'add' | 'remove') {
  const action = change === 'add' ? 'addPlaceAlias' : 'removePlaceAlias';
  return async (db: DbScope, given: AliasInput, writer: Writer): Promise<PlaceObject> => {
    const input = parseInput(aliasInput, given);
    return inOneTransaction(db, async (tx) => {
      const log = new AuditLog(writer, action);
      const { id } = await once(
        tx,
        writer.identity,
        input.idempotencyKey,
        action,
        async () => {
          await requireOne(tx, 'Place', input.id, 'input.id');
          const current = await readPlace(tx, input.id);
          const aliases = nextAliases(current, input.alias, change);
          if (aliases === null) return input.id;
          const [row] = await tx.run(PARENT_OF, { id: input.id });
          if (change === 'add')
            await setNames(tx, 'Place', input.id, [input.alias], {
              exclusive: true,
              field: 'input.alias',
              parentId: (row?.get('parentId') as string | null) ?? null,
            });
          else
            await setNames(tx, 'Place', input.id, [current.name, ...aliases], {
              exclusive: false,
              replace: true,
              field: 'input.alias',
            });
          await tx.run(UPDATE_PLACE, { id: input.id, fields: { aliases, aliasText: aliases.join(' | ') } });
          log.record(input.id, { changed: { aliases: { from: current.aliases, to: aliases } } });
          return input.id;
        },
        input,
      );
      await log.flush(tx);
      return readPlace(tx, id);
    });
  };
}

export const addPlaceAlias = placeAliasMutation('add');
export const removePlaceAlias = placeAliasMutation('remove');
