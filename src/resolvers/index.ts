/** All resolvers, merged. Each domain type has its own module; add the next one to the list. */
import { scalarResolvers } from './scalars.js';
import { nodeResolvers } from './node.js';
import { actorMutations } from './actor-mutations.js';
import { placeMutations } from './place-mutations.js';
import { sourceMutations } from './source-mutations.js';
import { claimMutations } from './claim-mutations.js';
import { analysisResolvers } from './analysis.js';
import { actorResolvers } from './actor.js';
import { placeResolvers } from './place.js';
import { eventResolvers } from './event.js';
import { sourceResolvers } from './source.js';
import { claimResolvers } from './claim.js';
import { figureResolvers } from './figure.js';
import { importResolvers } from './import.js';
import { eventMutations } from './event-mutations.js';
import { auditResolvers } from './audit.js';
import { reportResolvers } from './report.js';
import { claimRevisionResolvers } from './claim-revision.js';

export const resolvers = [
  scalarResolvers,
  nodeResolvers,
  actorMutations,
  placeMutations,
  sourceMutations,
  claimMutations,
  analysisResolvers,
  actorResolvers,
  placeResolvers,
  eventResolvers,
  sourceResolvers,
  claimResolvers,
  figureResolvers,
  importResolvers,
  eventMutations,
  auditResolvers,
  reportResolvers,
  claimRevisionResolvers,
];
