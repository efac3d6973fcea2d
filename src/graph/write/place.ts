/**
 * Writing places (the gazetteer): add one, find or create one a claim names (by id, or by
 * name/alias through the Name nodes). A place lies in at most one parent (LOCATED_IN).
 */
import { randomUUID } from 'node:crypto';
import { appError, badInput, ErrorCode, notFound } from '../../errors.js';
import { parseInput } from '../../inputs/fields.js';
import { type AddPlace, type PlaceRef, addPlaceInput, updatePlaceInput } from '../../inputs/place.js';
import { AuditLog, changesOf, type Writer } from './audit.js';
import type { DbScope, WriteTx } from '../core/database.js';
import { inOneTransaction } from './transaction.js';
import { once } from './idempotency.js';
import { toPlace, type PlaceObject } from '../core/mapping.js';
import { ambiguous, nodesNamed, setNames } from './names.js';
import { idFromName } from '../../domain/names.js';
import { created, requireOne } from './checks.js';

const PLACE_EXISTS = `MATCH (p:Place {id: $id}) RETURN p.id AS id`;

/** A WGS-84 point from {latitude, longitude}, or null. */
export const POINT = `CASE WHEN $location IS NULL THEN null
  ELSE point({latitude: $location.latitude, longitude: $location.longitude}) END`;

const CREATE_PLACE = `
  CREATE (p:Place {
    id: $id, name: $name, kind: $kind, aliases: $aliases, aliasText: $aliasText,
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

/** Puts a place inside another (replacing its parent), refusing cycles. */
export async function setParent(tx: WriteTx, id: string, parentId: string, field: string): Promise<void> {
  await requireOne(tx, 'Place', parentId, field);
  const [row] = await tx.run(WOULD_CYCLE, { id, parentId });
  if (row?.get('cycle') === true)
    throw badInput(`${field}: ${parentId} lies inside ${id}; a place cannot lie inside itself.`, field);
  await tx.run(SET_PARENT, { id, parentId });
}

/** Creates a place; its name and aliases must not name another place already. */
export async function createPlace(tx: WriteTx, spec: AddPlace, log: AuditLog, field: string): Promise<string> {
  let id = spec.id ?? idFromName('place', spec.name);
  if ((await tx.run(PLACE_EXISTS, { id })).length > 0) {
    if (spec.id)
      throw appError(ErrorCode.CONFLICT, `${field}.id: a place with the id "${id}" exists already.`, {
        field: `${field}.id`,
      });
    id = `${id}-${randomUUID().slice(0, 8)}`;
  }
  if (spec.parentId) await requireOne(tx, 'Place', spec.parentId, `${field}.parentId`);
  const aliases = [...new Set((spec.aliases ?? []).filter((a) => a !== spec.name))];
  await tx.run(CREATE_PLACE, {
    id,
    name: spec.name,
    kind: spec.kind,
    aliases,
    aliasText: aliases.join(' | '),
    location: spec.location ?? null,
    by: log.by,
  });
  created(tx, 'Place', id);
  await setNames(tx, 'Place', id, [spec.name, ...aliases], { exclusive: true, field });
  if (spec.parentId) await tx.run(SET_PARENT, { id, parentId: spec.parentId });
  log.record(id, {
    created: {
      name: spec.name,
      kind: spec.kind,
      aliases,
      location: spec.location ?? null,
      parentId: spec.parentId ?? null,
    },
  });
  return id;
}

/** The id of the place a ref names: an existing id, the one place its name names, or a new place. */
export async function resolvePlace(tx: WriteTx, ref: PlaceRef, log: AuditLog, field: string): Promise<string> {
  if (ref.id !== undefined) {
    await requireOne(tx, 'Place', ref.id, `${field}.id`);
    return ref.id;
  }
  const name = ref.name!;
  const found = await nodesNamed(tx, 'Place', name);
  if (found.length === 1) return found[0]!.id;
  if (found.length > 1) throw ambiguous('Place', name, found, `${field}.name`);
  if (!ref.kind) {
    throw badInput(
      `${field}.kind is required: no place is named "${name}", so it will be created and needs a kind (or refer to an existing place by id).`,
      `${field}.kind`,
    );
  }
  return createPlace(
    tx,
    { name, kind: ref.kind, aliases: ref.aliases, location: ref.location, parentId: ref.parentId },
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
export async function addPlace(db: DbScope, raw: unknown, writer: Writer): Promise<PlaceObject> {
  const input = parseInput(addPlaceInput, raw);
  return inOneTransaction(db, async (tx) => {
    const log = new AuditLog(writer, 'addPlace');
    const { id } = await once(tx, writer.identity, input.idempotencyKey, 'addPlace', () =>
      createPlace(tx, input, log, 'input'),
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
export async function updatePlace(db: DbScope, raw: unknown, writer: Writer): Promise<PlaceObject> {
  const input = parseInput(updatePlaceInput, raw);
  return inOneTransaction(db, async (tx) => {
    await requireOne(tx, 'Place', input.id, 'input.id');
    const log = new AuditLog(writer, 'updatePlace');
    const current = await readPlace(tx, input.id);
    const name = input.name ?? current.name;
    const aliases = [...new Set((input.aliases ?? current.aliases).filter((a) => a !== name))];
    const fields: Record<string, unknown> = {};
    if (input.name !== undefined) fields.name = input.name;
    if (input.kind !== undefined) fields.kind = input.kind;
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
