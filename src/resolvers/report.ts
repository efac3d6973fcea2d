/** enterReport: thin — check the role, hand the whole report to the write path (src/graph/write/report.ts). */
import { requireRole } from '../auth.js';
import type { Context } from '../request/context.js';
import type { MutationEnterReportArgs } from '../generated/graphql.js';
import { enterReport } from '../graph/write/report.js';
import { nodeById } from '../graph/read/node.js';

export const reportResolvers = {
  Mutation: {
    enterReport: (_: unknown, { input }: MutationEnterReportArgs, ctx: Context) =>
      enterReport(ctx.db, input, requireRole(ctx.viewer, 'researcher')),
  },
  ReportRecord: {
    node: ({ id }: { id: string }, _: unknown, ctx: Context) => nodeById(ctx.db, id),
  },
};
