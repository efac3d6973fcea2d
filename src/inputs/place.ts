/** Write inputs about places: add, refer to (by id, gazetteer code, or name under a parent), update, merge. */
import { z } from 'zod';
import { PLACE_KINDS } from './enums.js';
import {
  aliases,
  geoPoint,
  geonamesId,
  idempotencyKey,
  idRef,
  LIMITS,
  newId,
  oneOf,
  optional,
  pcode,
  text,
} from './fields.js';

export const placeKind = oneOf(PLACE_KINDS);

export const addPlaceInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  id: optional(newId('place')),
  name: text(LIMITS.name),
  kind: placeKind,
  aliases: optional(aliases),
  location: optional(geoPoint),
  geonamesId: optional(geonamesId),
  pcode: optional(pcode),
  parentId: optional(idRef),
});
export type AddPlace = z.output<typeof addPlaceInput>;

/**
 * An existing place by id or gazetteer code, or by name or alias — under its parent when one is
 * given (`parentId`, or `parent` inline, itself a PlaceRef: a chain of new places is given in one
 * reference). A new place needs its kind.
 */
export interface PlaceRef {
  id?: string;
  name?: string;
  kind?: z.output<typeof placeKind>;
  aliases?: string[];
  location?: z.output<typeof geoPoint>;
  geonamesId?: string;
  pcode?: string;
  parentId?: string;
  parent?: PlaceRef;
}

/** A PlaceRef as written (GraphQL's nulls allowed), before the rules read it. */
export interface PlaceRefInput {
  id?: string | null;
  name?: string | null;
  kind?: string | null;
  aliases?: string[] | null;
  location?: unknown;
  geonamesId?: string | null;
  pcode?: string | null;
  parentId?: string | null;
  parent?: PlaceRefInput | null;
}

// Deep enough for building › village › commune › circle › region › country, and bounded.
const MAX_CHAIN = 8;

const chainDepth = (ref: PlaceRef | undefined): number => (ref ? 1 + chainDepth(ref.parent) : 0);

export const placeRef: z.ZodType<PlaceRef, z.ZodTypeDef, PlaceRefInput> = z.lazy(() =>
  z
    .object({
      id: optional(idRef),
      name: optional(text(LIMITS.name)),
      kind: optional(placeKind),
      aliases: optional(aliases),
      location: optional(geoPoint),
      geonamesId: optional(geonamesId),
      pcode: optional(pcode),
      parentId: optional(idRef),
      parent: optional(placeRef),
    })
    .superRefine((ref, ctx) => {
      const byCode = ref.geonamesId !== undefined || ref.pcode !== undefined;
      if (ref.id !== undefined && (ref.name !== undefined || byCode))
        ctx.addIssue({ code: 'custom', path: ['id'], message: 'give either id (an existing place) or name, not both' });
      if (ref.id === undefined && ref.name === undefined && !byCode)
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: 'give id (an existing place), a gazetteer code (geonamesId, pcode) or name',
        });
      if (ref.parentId !== undefined && ref.parent !== undefined)
        ctx.addIssue({ code: 'custom', path: ['parent'], message: 'give either parentId or parent, not both' });
      if (chainDepth(ref) > MAX_CHAIN)
        ctx.addIssue({ code: 'custom', path: ['parent'], message: `must be at most ${MAX_CHAIN} levels deep` });
    }),
);

export const updatePlaceInput = z.object({
  id: idRef,
  name: optional(text(LIMITS.name)),
  kind: optional(placeKind),
  aliases: optional(aliases),
  location: optional(geoPoint),
  geonamesId: optional(geonamesId),
  pcode: optional(pcode),
  parentId: optional(idRef),
});
export type UpdatePlace = z.output<typeof updatePlaceInput>;

export const mergePlacesInput = z
  .object({ keepId: idRef, mergeId: idRef })
  .refine((m) => m.keepId !== m.mergeId, { path: ['mergeId'], message: 'must differ from keepId' });
export type MergePlaces = z.output<typeof mergePlacesInput>;
