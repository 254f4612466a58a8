import type { LatestSurveyScore, SurveyResponse, SurveyResponsePosition } from '@tessera/domain';
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../client.ts';
import { inIdOrder } from '../shared/id-order.ts';
import { profileInScope, type Scope } from '../shared/scope.ts';
import type { SurveyResponseTable } from './survey-response.table.ts';

const columns = ['id', 'profile_id', 'survey', 'question', 'answer', 'score', 'responded_at'] as const;

function toSurveyResponse(
  row: Pick<Selectable<SurveyResponseTable>, (typeof columns)[number]>,
): SurveyResponse {
  return {
    id: row.id,
    profileId: row.profile_id,
    survey: row.survey,
    question: row.question,
    answer: row.answer,
    score: row.score,
    respondedAt: row.responded_at,
  };
}

/**
 * Stores the responses whose ids the workspace has not stored yet, in the order of their ids, and
 * answers the ids it stored; an id stored before, or by a concurrent batch, is left as it is.
 */
export async function insertSurveyResponses(
  db: Executor,
  scope: Scope,
  responses: readonly SurveyResponse[],
): Promise<string[]> {
  const rows = await db
    .insertInto('survey_responses')
    .values(
      inIdOrder(responses).map((response) => ({
        workspace_id: scope.workspaceId,
        id: response.id,
        profile_id: response.profileId,
        survey: response.survey,
        question: response.question,
        answer: response.answer,
        score: response.score,
        responded_at: response.respondedAt,
      })),
    )
    .onConflict((conflict) => conflict.constraint('survey_responses_pkey').doNothing())
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export interface SurveyResponsePageQuery {
  profileId: string;
  /** The last response of the page before. */
  after: SurveyResponsePosition | undefined;
  limit: number;
}

/** A page of the profile's responses, newest first; none when the profile is out of scope. */
export async function findSurveyResponsePage(
  db: Executor,
  scope: Scope,
  page: SurveyResponsePageQuery,
): Promise<SurveyResponse[]> {
  const { after } = page;
  const rows = await db
    .selectFrom('survey_responses')
    .select(columns)
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', page.profileId)
    .where(profileInScope(scope, 'survey_responses.profile_id'))
    .$if(after !== undefined, (query) =>
      query.where(sql<boolean>`(responded_at, id) < (${after?.respondedAt}, ${after?.id})`),
    )
    .orderBy('responded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .execute();
  return rows.map(toSurveyResponse);
}

/**
 * Where each survey the profile answered stands, most recently answered first: the score and time
 * of its latest response that has a score, else the time of its latest response. None when the
 * profile is out of scope.
 */
export async function findLatestSurveyScores(
  db: Executor,
  scope: Scope,
  profileId: string,
  surveysMax: number,
): Promise<LatestSurveyScore[]> {
  const latestOfEach = db
    .selectFrom('survey_responses')
    .distinctOn('survey')
    .select(['survey', 'score', 'responded_at'])
    .where('workspace_id', '=', scope.workspaceId)
    .where('profile_id', '=', profileId)
    .where(profileInScope(scope, 'survey_responses.profile_id'))
    .orderBy('survey')
    .orderBy(sql`score is null`)
    .orderBy('responded_at', 'desc')
    .orderBy('id', 'desc');
  const rows = await db
    .selectFrom(latestOfEach.as('latest'))
    .selectAll()
    .orderBy('responded_at', 'desc')
    .orderBy(sql`survey collate "C"`)
    .limit(surveysMax)
    .execute();
  return rows.map((row) => ({ survey: row.survey, score: row.score, respondedAt: row.responded_at }));
}
