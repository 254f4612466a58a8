import { findLatestSurveyScores, findSurveyResponsePage, insertSurveyResponses } from '@tessera/db/surveys';
import {
  decodeSurveyResponseCursor,
  encodeSurveyResponseCursor,
  ingestResultOf,
  latestSurveysMax,
  refuseEmptyResponses,
  refuseFutureTimes,
  type IngestResult,
  type LatestSurveyScore,
  type LatestSurveyScoresInput,
  type ListSurveyResponsesInput,
  type Page,
  type RecordSurveyResponsesInput,
  type SurveyResponse,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { lockProfilesOfBatch, requireProfileInScope } from '../profiles/profiles-in-scope.ts';

/**
 * Records a batch of survey responses, all or none. Responses whose ids the workspace stored
 * before (a batch sent again, or the same batch sent at the same time) are answered as duplicates
 * and stored once.
 */
export async function recordSurveyResponses(
  ctx: MemberContext,
  input: RecordSurveyResponsesInput,
): Promise<IngestResult> {
  refuseEmptyResponses(input.responses);
  refuseFutureTimes(input.responses, 'responses', 'respondedAt', ctx.clock.now());
  const storedIds = await ctx.db.transaction().execute(async (trx) => {
    await lockProfilesOfBatch(trx, ctx.scope, input.responses, 'responses');
    return insertSurveyResponses(trx, ctx.scope, input.responses);
  });
  return ingestResultOf(input.responses, new Set(storedIds));
}

/** A page of the profile's survey responses, newest first. */
export async function listSurveyResponses(
  ctx: MemberContext,
  input: ListSurveyResponsesInput,
): Promise<Page<SurveyResponse>> {
  const rows = await findSurveyResponsePage(ctx.db, ctx.scope, {
    profileId: input.profileId,
    after: input.cursor ? decodeSurveyResponseCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  // An empty page may mean that there is nobody to list the responses of.
  if (rows.length === 0) await requireProfileInScope(ctx.db, ctx.scope, input.profileId);
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > input.limit && last ? encodeSurveyResponseCursor(last) : null,
  };
}

/** The latest score of each survey the profile answered, with its time, most recent first. */
export async function latestSurveyScores(
  ctx: MemberContext,
  input: LatestSurveyScoresInput,
): Promise<{ items: LatestSurveyScore[] }> {
  const items = await findLatestSurveyScores(ctx.db, ctx.scope, input.profileId, latestSurveysMax);
  if (items.length === 0) await requireProfileInScope(ctx.db, ctx.scope, input.profileId);
  return { items };
}
