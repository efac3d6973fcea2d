/** All resolvers, merged. Each domain type has its own module; add the next one to the list. */
import { scalarResolvers } from './scalars.js';
import { nodeResolvers } from './node.js';

export const resolvers = [scalarResolvers, nodeResolvers];
