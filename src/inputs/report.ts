/**
 * The input of enterReport: a whole report — its sources, the actors and places it names, and
 * its claims — validated before its one transaction opens, each part by the rules of the single
 * writes (a claim is an AddClaimInput, so everything a claim can say, a report's claim can).
 */
import { z } from 'zod';
import { actorKind } from './actor.js';
import { addClaimInput } from './claim.js';
import { aliases, geoPoint, geonamesId, idempotencyKey, idRef, LIMITS, optional, pcode, text } from './fields.js';
import { placeKind } from './place.js';
import { addSourceInput } from './source.js';

const either = (what: string, hasCode = (_: object) => false) =>
  function (ref: { id?: string; name?: string }, ctx: z.RefinementCtx) {
    if (ref.id === undefined && ref.name === undefined && !hasCode(ref))
      ctx.addIssue({ code: 'custom', path: ['name'], message: `give the id of an existing ${what}, or a name` });
  };

/** An actor of the report: existing (id, or a name that names it) or new (a name and kind, and an id if chosen). */
export const reportActorInput = z
  .object({
    id: optional(idRef),
    name: optional(text(LIMITS.name)),
    kind: optional(actorKind),
    aliases: optional(aliases),
    description: optional(text(LIMITS.text)),
  })
  .superRefine(either('actor'));
export type ReportActor = z.output<typeof reportActorInput>;

/** A place of the report: existing, or new under a parent that exists or is listed before it. */
export const reportPlaceInput = z
  .object({
    id: optional(idRef),
    name: optional(text(LIMITS.name)),
    kind: optional(placeKind),
    aliases: optional(aliases),
    location: optional(geoPoint),
    geonamesId: optional(geonamesId),
    pcode: optional(pcode),
    parentId: optional(idRef),
  })
  .superRefine(either('place', (p) => 'geonamesId' in p || 'pcode' in p));
export type ReportPlace = z.output<typeof reportPlaceInput>;

const list = <T extends z.ZodTypeAny>(item: T) =>
  z.array(item).max(LIMITS.listItems, `must list at most ${LIMITS.listItems} items`);

export const enterReportInput = z.object({
  idempotencyKey: optional(idempotencyKey),
  sources: optional(list(addSourceInput)),
  actors: optional(list(reportActorInput)),
  places: optional(list(reportPlaceInput)),
  claims: list(addClaimInput).min(1, 'must list at least one claim'),
});
export type EnterReport = z.output<typeof enterReportInput>;
