/**
 * The zod schemas here hold what GraphQL cannot say (lengths, ranges, start ≤ end, no claim without
 * a source); the SDL says which fields an input has. This module ties the two at compile time:
 * each schema's fields must be exactly its SDL input's, so a field added to or removed from the
 * SDL without its rule breaks the build, naming the field.
 */
import type { z } from 'zod';
import type * as Sdl from '../generated/graphql.js';
import type { addActorInput, actorRef, mergeActorsInput, updateActorInput } from './actor.js';
import type { addClaimInput, claimAbout, claimEvidenceInput, relationInput, retractClaimInput } from './claim.js';
import type { eventInput, fatalities, participantInput, timeSpan, updateEventInput } from './event.js';
import type { aliasInput, geoPoint } from './fields.js';
import type { addPlaceInput, mergePlacesInput, placeRef, updatePlaceInput } from './place.js';
import type { enterReportInput, reportActorInput, reportPlaceInput } from './report.js';
import type { reviseClaimInput } from './claim-revision.js';
import type { addSourceInput } from './source.js';

type Fields<T> = keyof NonNullable<T> & string;
/** `true` when the schema's fields are the SDL input's, else the fields on either side alone. */
type SameFields<Input, Schema extends z.ZodTypeAny> = [
  Exclude<Fields<Input>, Fields<z.input<Schema>>>,
  Exclude<Fields<z.input<Schema>>, Fields<Input>>,
] extends [never, never]
  ? true
  : {
      inTheSdlOnly: Exclude<Fields<Input>, Fields<z.input<Schema>>>;
      inTheSchemaOnly: Exclude<Fields<z.input<Schema>>, Fields<Input>>;
    };

export type InputsMatchTheSdl = [
  SameFields<Sdl.AddActorInput, typeof addActorInput>,
  SameFields<Sdl.ActorRef, typeof actorRef>,
  SameFields<Sdl.UpdateActorInput, typeof updateActorInput>,
  SameFields<Sdl.MergeActorsInput, typeof mergeActorsInput>,
  SameFields<Sdl.ActorRelationInput, typeof relationInput>,
  SameFields<Sdl.ClaimAboutInput, typeof claimAbout>,
  SameFields<Sdl.AddClaimInput, typeof addClaimInput>,
  SameFields<Sdl.ClaimEvidenceInput, typeof claimEvidenceInput>,
  SameFields<Sdl.RetractClaimInput, typeof retractClaimInput>,
  SameFields<Sdl.TimeSpanInput, typeof timeSpan>,
  SameFields<Sdl.FatalitiesInput, typeof fatalities>,
  SameFields<Sdl.ParticipantInput, typeof participantInput>,
  SameFields<Sdl.EventInput, typeof eventInput>,
  SameFields<Sdl.UpdateEventInput, typeof updateEventInput>,
  SameFields<Sdl.AddPlaceInput, typeof addPlaceInput>,
  SameFields<Sdl.PlaceRef, typeof placeRef>,
  SameFields<Sdl.UpdatePlaceInput, typeof updatePlaceInput>,
  SameFields<Sdl.AddSourceInput, typeof addSourceInput>,
  SameFields<Sdl.GeoPointInput, typeof geoPoint>,
  SameFields<Sdl.MergePlacesInput, typeof mergePlacesInput>,
  SameFields<Sdl.AliasInput, typeof aliasInput>,
  SameFields<Sdl.ReportActorInput, typeof reportActorInput>,
  SameFields<Sdl.ReportPlaceInput, typeof reportPlaceInput>,
  SameFields<Sdl.EnterReportInput, typeof enterReportInput>,
  SameFields<Sdl.ReviseClaimInput, typeof reviseClaimInput>,
];

// Fails to compile, naming the fields, when any entry above is not `true`.
export const inputsMatchTheSdl: InputsMatchTheSdl = [
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
  true,
];
