/** Write inputs about places: add, refer to (by id or name), update. */
import { z } from 'zod';
import { PLACE_KINDS } from './enums.js';
import { aliases, geoPoint, idempotencyKey, idRef, LIMITS, newId, oneOf, optional, text } from './fields.js';

export const placeKind = oneOf(PLACE_KINDS);

export const addPlaceInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  id: optional(newId('place')),
  name: text(LIMITS.name),
  kind: placeKind,
  aliases: optional(aliases),
  location: optional(geoPoint),
  parentId: optional(idRef),
});
export type AddPlace = z.output<typeof addPlaceInput>;

/** An existing place by id, or by name or alias (created when new, which then needs its kind). */
export const placeRef = z
  .object({
    id: optional(idRef),
    name: optional(text(LIMITS.name)),
    kind: optional(placeKind),
    aliases: optional(aliases),
    location: optional(geoPoint),
    parentId: optional(idRef),
  })
  .superRefine((ref, ctx) => {
    if ((ref.id === undefined) === (ref.name === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'give either id (an existing place) or name, not both' });
    }
  });
export type PlaceRef = z.output<typeof placeRef>;

export const updatePlaceInput = z.object({
  id: idRef,
  name: optional(text(LIMITS.name)),
  kind: optional(placeKind),
  aliases: optional(aliases),
  location: optional(geoPoint),
  parentId: optional(idRef),
});
export type UpdatePlace = z.output<typeof updatePlaceInput>;
