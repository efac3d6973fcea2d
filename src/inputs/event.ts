/** Write inputs about events: defined or completed inside a claim, or updated. */
import { z } from 'zod';
import { EVENT_SUB_TYPES, EVENT_TYPES, PARTICIPANT_ROLES, TIME_PRECISIONS } from './enums.js';
import { actorRef } from './actor.js';
import { idRef, LIMITS, newId, oneOf, optional, text, writtenTime } from './fields.js';
import { placeRef } from './place.js';

// The precisions a written time implies when none is given, coarsest last.
const IMPLIED = ['EXACT', 'DAY', 'MONTH', 'YEAR'] as const;

/**
 * When an event happened. `start` and `end` are written as people write them (writtenTime): a
 * day or a month stands for its whole window, so `{start: "2023-09-28"}` is that day, from its
 * first instant to its last, at precision DAY; without `precision`, the coarser of the two forms
 * sets it (a date-time alone is EXACT).
 */
export const timeSpan = z
  .object({
    start: optional(writtenTime),
    end: optional(writtenTime),
    precision: optional(oneOf(TIME_PRECISIONS)),
    label: optional(text(LIMITS.label)),
  })
  .transform((t, ctx) => {
    const start = t.start?.first;
    // A day or a month given alone is the whole of it; a date-time alone stays a single instant.
    const end = t.end ? t.end.last : t.start && t.start.precision !== 'EXACT' ? t.start.last : undefined;
    if (start && end && Date.parse(start) > Date.parse(end)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
      return z.NEVER;
    }
    const implied = [t.start?.precision, t.end?.precision]
      .filter((p) => p !== undefined)
      .reduce<(typeof IMPLIED)[number]>((a, p) => (IMPLIED.indexOf(p) > IMPLIED.indexOf(a) ? p : a), 'EXACT');
    if (!t.precision && !t.start && !t.end) {
      ctx.addIssue({ code: 'custom', path: ['precision'], message: 'is required when neither start nor end is given' });
      return z.NEVER;
    }
    return { start, end, precision: t.precision ?? implied, label: t.label };
  });
export type TimeSpan = z.output<typeof timeSpan>;

/** A count of people: whole, not negative (unknown is left out, never 0). */
export const count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative (leave it out when unknown: unknown is not zero)')
  .max(LIMITS.fatalities, `must be at most ${LIMITS.fatalities}`);

export const fatalities = z
  .object({ low: optional(count), high: optional(count), best: optional(count) })
  .superRefine((f, ctx) => {
    if (f.low !== undefined && f.high !== undefined && f.low > f.high)
      ctx.addIssue({ code: 'custom', path: ['high'], message: 'must not be below low' });
    if (f.best !== undefined && f.low !== undefined && f.best < f.low)
      ctx.addIssue({ code: 'custom', path: ['best'], message: 'must not be below low' });
    if (f.best !== undefined && f.high !== undefined && f.best > f.high)
      ctx.addIssue({ code: 'custom', path: ['best'], message: 'must not be above high' });
  });
export type Fatalities = z.output<typeof fatalities>;

export const eventType = oneOf(EVENT_TYPES);
export const eventSubType = oneOf(EVENT_SUB_TYPES);

export const participantInput = z.object({ actor: actorRef, role: oneOf(PARTICIPANT_ROLES) });

/** An event a claim reports: an existing id is completed; a new id (or none) creates it. */
export const eventInput = z
  .object({
    id: optional(idRef),
    type: optional(eventType),
    subType: optional(eventSubType),
    time: optional(timeSpan),
    description: optional(text(LIMITS.text)),
    fatalities: optional(fatalities),
    place: optional(placeRef),
    participants: optional(z.array(participantInput).max(LIMITS.listItems)),
    partOfId: optional(idRef),
    followsId: optional(idRef),
  })
  .superRefine((e, ctx) => {
    for (const field of ['partOfId', 'followsId'] as const) {
      if (e.id && e[field] === e.id)
        ctx.addIssue({ code: 'custom', path: [field], message: 'must name another event, not the event itself' });
    }
  });
export type EventSpec = z.output<typeof eventInput>;

/** The id a new event may be given. Checked only when the event is new. */
export const newEventId = newId('event');

export const updateEventInput = z.object({
  id: idRef,
  type: optional(eventType),
  subType: optional(eventSubType),
  time: optional(timeSpan),
  description: optional(text(LIMITS.text)),
  fatalities: optional(fatalities),
  placeId: optional(idRef),
});
export type UpdateEvent = z.output<typeof updateEventInput>;
