import { randomUUID } from 'node:crypto';
import type { SurveyResponse } from '@tessera/domain';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { workspaceScope, type Scope } from '../shared/scope.ts';
import { createTestDb } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import {
  findLatestSurveyScores,
  findSurveyResponsePage,
  insertSurveyResponses,
  type SurveyResponsePageQuery,
} from './survey-response.queries.ts';

let database: Db;
let scope: Scope;
/** Ada belongs to Acme; Grace to no organization. */
let acme: string;
let ada: string;
let grace: string;
const now = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function addProfile(firstName: string): Promise<string> {
  const id = randomUUID();
  await database.db
    .insertInto('profiles')
    .values({ workspace_id: scope.workspaceId, id, first_name: firstName, addresses: '[]', updated_at: now })
    .execute();
  return id;
}

beforeEach(async () => {
  const workspaceId = randomUUID();
  scope = workspaceScope(workspaceId);
  await insertWorkspace(database.db, { id: workspaceId, slug: `w-${workspaceId}`, name: 'Surveys' });
  acme = randomUUID();
  await database.db
    .insertInto('organizations')
    .values({ workspace_id: workspaceId, id: acme, name: 'Acme', created_at: now, updated_at: now })
    .execute();
  ada = await addProfile('Ada');
  grace = await addProfile('Grace');
  await database.db
    .insertInto('memberships')
    .values({
      workspace_id: workspaceId,
      organization_id: acme,
      profile_id: ada,
      is_contact: false,
      is_key_contact: false,
      attributes: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
});

function response(id: string, minute: number, fields: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id,
    profileId: ada,
    survey: 'NPS',
    question: 'How likely are you to recommend us?',
    answer: null,
    score: 9,
    respondedAt: new Date(now.getTime() + minute * 60_000),
    ...fields,
  };
}

const page = (fields: Partial<SurveyResponsePageQuery> = {}): SurveyResponsePageQuery => ({
  profileId: ada,
  after: undefined,
  limit: 10,
  ...fields,
});
const idsOf = (responses: SurveyResponse[]) => responses.map((each) => each.id);

describe('survey responses', () => {
  it('stores new ids and leaves those stored before as they are', async () => {
    expect(
      (await insertSurveyResponses(database.db, scope, [response('b', 2), response('a', 1)])).sort(),
    ).toEqual(['a', 'b']);
    expect(
      await insertSurveyResponses(database.db, scope, [response('a', 1, { score: 0 }), response('c', 3)]),
    ).toEqual(['c']);
    const stored = await findSurveyResponsePage(database.db, scope, page());
    expect(stored.find((each) => each.id === 'a')?.score).toBe(9);
  });

  it('pages newest first by time and then id, with fractions and text as sent', async () => {
    await insertSurveyResponses(database.db, scope, [
      response('a', 1, { answer: 'Fine', score: null }),
      response('b', 2, { score: 4.5 }),
      response('c', 2),
      response('d', 3),
      response('grace', 4, { profileId: grace }),
    ]);
    const first = await findSurveyResponsePage(database.db, scope, page({ limit: 2 }));
    expect(idsOf(first)).toEqual(['d', 'c']);
    const last = first.at(-1);
    if (!last) throw new Error('empty page');
    const second = await findSurveyResponsePage(database.db, scope, page({ after: last }));
    expect(second).toEqual([
      { ...response('b', 2), score: 4.5 },
      { ...response('a', 1), answer: 'Fine', score: null },
    ]);
  });

  it('answer for each survey the latest score with its time, else the time of its latest answer', async () => {
    await insertSurveyResponses(database.db, scope, [
      response('nps-old', 1, { score: 6 }),
      response('nps-new', 5, { score: 10 }),
      response('nps-comment', 6, { score: null, answer: 'Great support' }),
      response('csat', 3, { survey: 'CSAT', score: 4 }),
      response('onboarding', 4, { survey: 'Onboarding', score: null, answer: 'Smooth' }),
      response('grace', 9, { profileId: grace, survey: 'Exit', score: 1 }),
    ]);
    expect(await findLatestSurveyScores(database.db, scope, ada, 10)).toEqual([
      { survey: 'NPS', score: 10, respondedAt: response('', 5).respondedAt },
      { survey: 'Onboarding', score: null, respondedAt: response('', 4).respondedAt },
      { survey: 'CSAT', score: 4, respondedAt: response('', 3).respondedAt },
    ]);
    expect(await findLatestSurveyScores(database.db, scope, ada, 1)).toHaveLength(1);
    expect(await findLatestSurveyScores(database.db, scope, randomUUID(), 10)).toEqual([]);
  });

  it('show a limited member the responses of profiles in its organizations only', async () => {
    await insertSurveyResponses(database.db, scope, [
      response('ada', 1),
      response('grace', 2, { profileId: grace }),
    ]);
    const acmeOnly: Scope = { ...scope, organizationIds: [acme] };
    expect(idsOf(await findSurveyResponsePage(database.db, acmeOnly, page()))).toEqual(['ada']);
    expect(await findSurveyResponsePage(database.db, acmeOnly, page({ profileId: grace }))).toEqual([]);
    expect(await findLatestSurveyScores(database.db, acmeOnly, grace, 10)).toEqual([]);
    expect(await findSurveyResponsePage(database.db, { ...scope, organizationIds: [] }, page())).toEqual([]);
    expect(await findSurveyResponsePage(database.db, workspaceScope(randomUUID()), page())).toEqual([]);
  });

  it('go with their profile', async () => {
    await insertSurveyResponses(database.db, scope, [
      response('ada', 1),
      response('grace', 2, { profileId: grace }),
    ]);
    await database.db
      .deleteFrom('profiles')
      .where('workspace_id', '=', scope.workspaceId)
      .where('id', '=', ada)
      .execute();
    const left = await database.db
      .selectFrom('survey_responses')
      .select('id')
      .where('workspace_id', '=', scope.workspaceId)
      .execute();
    expect(left).toEqual([{ id: 'grace' }]);
  });

  it('are refused by the database outside their bounds', async () => {
    for (const bad of [
      response('x', 1, { score: 100.5 }),
      response('x', 1, { score: null, answer: null }),
      response('x', 1, { survey: '' }),
      response('x', 1, { profileId: randomUUID() }),
    ]) {
      await expect(insertSurveyResponses(database.db, scope, [bad])).rejects.toThrow();
    }
  });
});
