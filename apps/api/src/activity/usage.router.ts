import {
  ingestOutput,
  ingestUsageInput,
  listUsageInput,
  usagePageOutput,
  usageStreamInput,
  usageSummaryInput,
  usageSummaryOutput,
} from '@tessera/domain';
import { permittedProcedure, router } from '../trpc.ts';
import { whileAccessHolds } from '../auth/access-guard.ts';
import { summarizeUsage } from './usage-summary.service.ts';
import { ingestUsage, listUsage, streamUsage, usageStreamGuard } from './usage.service.ts';

const reader = permittedProcedure('activity.read');

export const usageRouter = router({
  ingest: permittedProcedure('activity.write')
    .input(ingestUsageInput)
    .output(ingestOutput)
    .mutation(({ ctx, input }) => ingestUsage(ctx, input)),
  list: reader
    .input(listUsageInput)
    .output(usagePageOutput)
    .query(({ ctx, input }) => listUsage(ctx, input)),
  summary: reader
    .input(usageSummaryInput)
    .output(usageSummaryOutput)
    .query(({ ctx, input }) => summarizeUsage(ctx, input)),
  /** Server-sent events: each usage event of the organization or profile as it is stored, while access holds. */
  onEvent: reader
    .input(usageStreamInput)
    .subscription(({ ctx, input, signal }) =>
      whileAccessHolds(ctx, signal, usageStreamGuard(input), (open) => streamUsage(ctx, input, open)),
    ),
});
