/** Write inputs about events: defined or completed inside a claim, or updated. */
import { z } from 'zod';
import { EVENT_SUB_TYPES, EVENT_TYPES, PARTICIPANT_ROLES, TIME_PRECISIONS } from './enums.js';
import { actorRef } from './actor.js';
import { dateTime, idRef, LIMITS, newId, oneOf, optional, text } from './fields.js';
import { placeRef } from './place.js';

export const timeSpan = z
  .object({
    start: optional(dateTime),
    end: optional(dateTime),
    precision: oneOf(TIME_PRECISIONS),
    label: optional(text(LIMITS.label)),
  })
  .superRefine((t, ctx) => {
    if (t.start && t.end && Date.parse(t.start) > Date.parse(t.end)) {
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must not be before start' });
    }
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
