import {
  campaignSummaryInput,
  campaignSummaryOutput,
  ingestOutput,
  recordCampaignEventsInput,
} from '@tessera/domain';
import { permittedProcedure, router } from '../trpc.ts';
import { recordCampaignEvents, summarizeCampaigns } from './campaigns.service.ts';

export const campaignsRouter = router({
  record: permittedProcedure('activity.write')
    .input(recordCampaignEventsInput)
    .output(ingestOutput)
    .mutation(({ ctx, input }) => recordCampaignEvents(ctx, input)),
  summary: permittedProcedure('activity.read')
    .input(campaignSummaryInput)
    .output(campaignSummaryOutput)
    .query(({ ctx, input }) => summarizeCampaigns(ctx, input)),
});
