/** importClaims: thin — check the role, hand the whole input to the bulk import (src/graph/bulk/import-claims.ts). */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type { MutationImportClaimsArgs, Resolvers } from '../generated/graphql.js';
import { importClaims } from '../graph/bulk/import-claims.js';

export const importResolvers: Resolvers = {
  Mutation: {
    importClaims: (_: unknown, { input }: MutationImportClaimsArgs, ctx: Context) =>
      importClaims(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
};
