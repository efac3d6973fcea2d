/**
 * Values across the analysts' Cypher entry: JSON parameters in (whole numbers become Cypher
 * integers, so `LIMIT $n` works), Neo4j values out as plain JSON — nodes as {id, elementId,
 * labels, properties}, relationships as {elementId, type, start, end, properties}, paths as their
 * nodes and relationships, temporal values as ISO 8601 strings, WGS-84 points as
 * {latitude, longitude}.
 */
import neo4j, { isDuration, isNode, isPath, isPoint, isRelationship, type Point } from 'neo4j-driver';
import { appError, badInput, ErrorCode } from '../../errors.js';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Parameters as the driver needs them; anything but a JSON object is refused. */
export function toCypherParams(params: unknown): Record<string, unknown> {
  if (params === null || params === undefined) return {};
  if (typeof params !== 'object' || Array.isArray(params)) {
    throw badInput('params must be a JSON object: {"name": value, …}.', 'params');
  }
  return toCypherValue(params, 1) as Record<string, unknown>;
}

/**
 * The deepest nesting of arrays and objects accepted in params, the params object counting as 1.
 * Over HTTP a body nested deeper than 64 is refused before it gets here (JSON_TOO_DEEP, in
 * src/http/guards.ts); the same bound here keeps the recursion below shallow when the
 * resolver is called in-process.
 */
export const MAX_PARAMS_DEPTH = 64;

function toCypherValue(value: unknown, depth: number): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > MAX_PARAMS_DEPTH) {
    throw appError(
      ErrorCode.JSON_TOO_DEEP,
      `params nests arrays and objects more than ${MAX_PARAMS_DEPTH} levels deep, the limit. Flatten the parameters.`,
      { field: 'params' },
    );
  }
  if (Array.isArray(value)) return value.map((item: unknown) => toCypherValue(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherValue(v, depth + 1)]));
}

const isTemporal = (v: object): boolean =>
  neo4j.isDate(v) ||
  neo4j.isDateTime(v) ||
  neo4j.isLocalDateTime(v) ||
  neo4j.isLocalTime(v) ||
  neo4j.isTime(v) ||
  isDuration(v);

function pointToJson(p: Point): Json {
  const srid = Number(p.srid);
  if (srid === 4326 || srid === 4979) {
    return p.z === undefined ? { latitude: p.y, longitude: p.x } : { latitude: p.y, longitude: p.x, height: p.z };
  }
  return p.z === undefined ? { x: p.x, y: p.y, srid } : { x: p.x, y: p.y, z: p.z, srid };
}

function propertiesToJson(properties: Record<string, unknown>): { [key: string]: Json } {
  return Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, toJson(v)]));
}

/** Any value a Neo4j record can hold, as JSON. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  if (typeof value !== 'object') return String(value);
  if (neo4j.isInt(value)) return value.inSafeRange() ? value.toNumber() : value.toString();
  if (isNode(value)) {
    const id = value.properties.id;
    return {
      id: typeof id === 'string' ? id : value.elementId,
      elementId: value.elementId,
      labels: [...value.labels],
      properties: propertiesToJson(value.properties),
    };
  }
  if (isRelationship(value)) {
    return {
      elementId: value.elementId,
      type: value.type,
      start: value.startNodeElementId,
      end: value.endNodeElementId,
      properties: propertiesToJson(value.properties),
    };
  }
  if (isPath(value)) {
    return {
      nodes: [value.start, ...value.segments.map((s) => s.end)].map(toJson),
      relationships: value.segments.map((s) => toJson(s.relationship)),
    };
  }
  if (isPoint(value)) return pointToJson(value);
  if (isTemporal(value)) return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(toJson);
  return propertiesToJson(value as Record<string, unknown>);
}
