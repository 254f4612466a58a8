import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeWithAda } from '../activity/activity.testing.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { surveyResponse } from './surveys.testing.ts';

// Each call runs its own transaction on a connection of its own (the pool holds 16), so these
// clients meet in the database as requests from 16 clients would.
const clients = 16;

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const each = <T>(work: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: clients }, (_, index) => work(index)));

async function storedCount(member: TestMember) {
  const rows = await app.database.db
    .selectFrom('survey_responses')
    .select('id')
    .where('workspace_id', '=', member.member.workspaceId)
    .execute();
  return rows.length;
}

describe(`${clients} clients at once`, () => {
  it('sending the same batch store each response once, accepted by one of them', async () => {
    const { owner, ada } = await acmeWithAda(app);
    const ids = Array.from({ length: 50 }, (_, index) => `response-${index}`);
    const responses = ids.map((id) => surveyResponse(id, ada.id));
    const answers = await each(() => owner.caller.surveys.record({ responses }));
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(ids.length);
    for (const id of ids) {
      expect(answers.filter((answer) => answer.duplicates.includes(id))).toHaveLength(clients - 1);
    }
    expect(await storedCount(owner)).toBe(ids.length);
  });

  it('sending the same responses in opposite orders store them once, without a deadlock', async () => {
    const { owner, ada } = await acmeWithAda(app);
    const responses = Array.from({ length: 500 }, (_, index) =>
      surveyResponse(`response-${String(index).padStart(3, '0')}`, ada.id),
    );
    const answers = await each((client) =>
      owner.caller.surveys.record({ responses: client % 2 === 0 ? responses : [...responses].reverse() }),
    );
    expect(answers.reduce((sum, answer) => sum + answer.accepted, 0)).toBe(responses.length);
    expect(await storedCount(owner)).toBe(responses.length);
  });

  it('recording responses while the profile is erased leave none of them', async () => {
    const { owner, ada } = await acmeWithAda(app);
    const answers = await Promise.allSettled([
      ...Array.from({ length: clients - 1 }, (_, client) =>
        owner.caller.surveys.record({ responses: [surveyResponse(`response-${client}`, ada.id)] }),
      ),
      owner.caller.profiles.erase({ id: ada.id }),
    ]);
    expect(answers.at(-1)?.status).toBe('fulfilled');
    expect(await storedCount(owner)).toBe(0);
  });
});
