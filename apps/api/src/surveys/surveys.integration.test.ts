import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acmeWithAda, addProfile, minutesAgo } from '../activity/activity.testing.ts';
import { createCaller } from '../router.ts';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import type { TestMember } from '../testing/test-app.ts';
import { surveyResponse as response } from './surveys.testing.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

async function storedIds(member: TestMember): Promise<string[]> {
  const rows = await server.app.database.db
    .selectFrom('survey_responses')
    .select('id')
    .where('workspace_id', '=', member.member.workspaceId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

/** Sends `surveys.record` over HTTP with the member's API token, as an integration would. */
async function recordOverHttp(member: TestMember, input: unknown) {
  const answer = await fetch(`${server.url}/trpc/surveys.record`, {
    method: 'POST',
    headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ json: input }),
  });
  const body = (await answer.json()) as {
    result?: { data: { json: unknown } };
    error?: { json: { data: { code: string; issues: { path: string }[] } } };
  };
  return {
    status: answer.status,
    data: body.result?.data.json,
    code: body.error?.json.data.code,
    paths: body.error?.json.data.issues.map((issue) => issue.path),
  };
}

const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

describe('surveys.record', () => {
  it('records responses with their answers and scores, and lists them newest first', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    expect(
      await owner.caller.surveys.record({
        responses: [
          response('nps-1', ada.id, 30, 7),
          { ...response('comment', ada.id, 20, null), survey: 'Onboarding', question: 'How did it go?' },
          { ...response('nps-2', ada.id, 10, 4.5), answer: ' Slower lately ' },
        ],
      }),
    ).toEqual({ accepted: 3, duplicates: [] });
    expect((await owner.caller.surveys.list({ profileId: ada.id })).items).toEqual([
      {
        id: 'nps-2',
        profileId: ada.id,
        survey: 'NPS',
        question: 'How likely are you to recommend us to a friend?',
        answer: 'Slower lately',
        score: 4.5,
        respondedAt: expect.any(Date) as Date,
      },
      expect.objectContaining({ id: 'comment', survey: 'Onboarding', answer: 'Helpful people', score: null }),
      expect.objectContaining({ id: 'nps-1', answer: null, score: 7 }),
    ]);
  });

  it('answers the same id again, in a batch sent again or a later one, as a duplicate and stores it once', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    const batch = { responses: [response('a', ada.id), response('b', ada.id)] };
    expect(await owner.caller.surveys.record(batch)).toEqual({ accepted: 2, duplicates: [] });
    expect(await owner.caller.surveys.record(batch)).toEqual({ accepted: 0, duplicates: ['a', 'b'] });
    expect(
      await owner.caller.surveys.record({
        responses: [response('c', ada.id), { ...response('a', ada.id), score: 0 }],
      }),
    ).toEqual({ accepted: 1, duplicates: ['a'] });
    expect(await storedIds(owner)).toEqual(['a', 'b', 'c']);
    const [stored] = (await owner.caller.surveys.list({ profileId: ada.id, limit: 100 })).items.filter(
      (item) => item.id === 'a',
    );
    expect(stored?.score).toBe(9);
    expect(
      await failureOf(
        owner.caller.surveys.record({
          responses: [response('d', ada.id), response('e', ada.id), response('d', ada.id)],
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['responses.2.id'] });
    expect(await storedIds(owner)).toEqual(['a', 'b', 'c']);
  });

  it('takes 500 responses in a batch over HTTP and refuses 501 at `responses`, storing none', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    const batch = (count: number, prefix: string) =>
      Array.from({ length: count }, (_, index) => response(`${prefix}-${index}`, ada.id));
    expect(await recordOverHttp(owner, { responses: batch(501, 'over') })).toMatchObject({
      status: 400,
      code: 'BAD_REQUEST',
      paths: ['responses'],
    });
    expect(await storedIds(owner)).toEqual([]);
    expect(await recordOverHttp(owner, { responses: batch(500, 'full') })).toMatchObject({
      status: 200,
      data: { accepted: 500, duplicates: [] },
    });
    expect(await storedIds(owner)).toHaveLength(500);
  });

  it('refuses the whole batch at the field of the response at fault', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    const other = await acmeWithAda(server.app);
    const good = response('good', ada.id);
    const four = <Bad>(bad: Bad) => ({
      responses: [good, response('two', ada.id), response('three', ada.id), bad],
    });
    for (const [bad, code, path] of [
      [{ ...response('x', ada.id), score: 10.5e1 }, 'BAD_REQUEST', 'responses.3.score'],
      [{ ...response('x', ada.id), score: -1 }, 'BAD_REQUEST', 'responses.3.score'],
      [{ ...response('x', ada.id), score: null, answer: null }, 'BAD_REQUEST', 'responses.3.answer'],
      [{ ...response('x', ada.id), question: ' ' }, 'BAD_REQUEST', 'responses.3.question'],
      [{ ...response('x', ada.id), respondedAt: 'soon' }, 'BAD_REQUEST', 'responses.3.respondedAt'],
      [{ ...response('x', ada.id), nps: 9 }, 'BAD_REQUEST', 'responses.3.nps'],
    ] as const) {
      expect(await recordOverHttp(owner, four(bad))).toMatchObject({ status: 400, code, paths: [path] });
    }
    for (const [bad, domainCode, path] of [
      [response('x', randomUUID()), 'PROFILE_NOT_FOUND', 'responses.3.profileId'],
      [response('x', other.ada.id), 'PROFILE_NOT_FOUND', 'responses.3.profileId'],
      [response('x', ada.id, -60), 'INVALID_FIELD', 'responses.3.respondedAt'],
    ] as const) {
      expect(await failureOf(owner.caller.surveys.record(four(bad)))).toMatchObject({
        domainCode,
        paths: [path],
      });
    }
    expect(await storedIds(owner)).toEqual([]);
    expect(await storedIds(other.owner)).toEqual([]);
  });

  it('lets agents record responses and everyone read them', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    const agent = await memberOfRole(server.app, owner, 'agent');
    const viewer = await memberOfRole(server.app, owner, 'viewer');
    expect(await agent.caller.surveys.record({ responses: [response('by-agent', ada.id)] })).toMatchObject({
      accepted: 1,
    });
    expect(
      await failureOf(viewer.caller.surveys.record({ responses: [response('by-viewer', ada.id)] })),
    ).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN' });
    expect(ids(await viewer.caller.surveys.list({ profileId: ada.id }))).toEqual(['by-agent']);
    expect((await viewer.caller.surveys.latest({ profileId: ada.id })).items).toHaveLength(1);
  });

  it('keeps a member limited to some organizations to the profiles that belong to them', async () => {
    const { owner, acme, ada } = await acmeWithAda(server.app);
    const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
    const grace = await addProfile(owner, globex, 'Grace');
    await owner.caller.surveys.record({ responses: [response('grace-1', grace.id)] });
    const { member } = await memberOfRole(server.app, owner, 'agent');
    const scoped = createCaller(
      server.app.contextFor({ member, sessionId: null, tokenId: null, organizationIds: [acme] }),
    );
    expect(await scoped.surveys.record({ responses: [response('ada-1', ada.id)] })).toEqual({
      accepted: 1,
      duplicates: [],
    });
    expect(
      await failureOf(
        scoped.surveys.record({ responses: [response('ada-2', ada.id), response('grace-2', grace.id)] }),
      ),
    ).toMatchObject({ domainCode: 'PROFILE_NOT_FOUND', paths: ['responses.1.profileId'] });
    for (const read of [
      scoped.surveys.list({ profileId: grace.id }),
      scoped.surveys.latest({ profileId: grace.id }),
    ]) {
      expect(await failureOf(read)).toMatchObject({ domainCode: 'PROFILE_NOT_FOUND', paths: ['profileId'] });
    }
    expect(ids(await scoped.surveys.list({ profileId: ada.id }))).toEqual(['ada-1']);
    expect(await storedIds(owner)).toEqual(['ada-1', 'grace-1']);
  });
});

describe('surveys.list', () => {
  it('pages newest first by time and then id, through cursors', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    const grace = await owner.caller.profiles.create({ firstName: 'Grace' });
    const sameTime = minutesAgo(20);
    await owner.caller.surveys.record({
      responses: [
        response('1', ada.id, 50),
        { ...response('2b', ada.id), respondedAt: sameTime },
        { ...response('2a', ada.id), respondedAt: sameTime },
        response('grace', grace.id, 15),
        response('3', ada.id, 10),
      ],
    });
    const first = await owner.caller.surveys.list({ profileId: ada.id, limit: 2 });
    expect(ids(first)).toEqual(['3', '2b']);
    const second = await owner.caller.surveys.list({ profileId: ada.id, limit: 2, cursor: first.nextCursor });
    expect(ids(second)).toEqual(['2a', '1']);
    expect(second.nextCursor).toBeNull();
    const all = await owner.caller.surveys.list({ profileId: ada.id, limit: 4 });
    expect(all).toMatchObject({ nextCursor: null });
    expect(ids(all)).toEqual(['3', '2b', '2a', '1']);
  });

  it('answers a profile of nobody, or of another workspace, as not found, and a cursor of another list as malformed', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    const other = await acmeWithAda(server.app);
    await other.owner.caller.surveys.record({ responses: [response('theirs', other.ada.id)] });
    expect(await owner.caller.surveys.list({ profileId: ada.id })).toEqual({ items: [], nextCursor: null });
    expect(await owner.caller.surveys.latest({ profileId: ada.id })).toEqual({ items: [] });
    for (const profileId of [other.ada.id, randomUUID()]) {
      for (const read of [
        owner.caller.surveys.list({ profileId }),
        owner.caller.surveys.latest({ profileId }),
      ]) {
        expect(await failureOf(read)).toMatchObject({
          domainCode: 'PROFILE_NOT_FOUND',
          paths: ['profileId'],
        });
      }
    }
    for (const cursor of ['nope', btoa('["occurredAt:desc","2026-01-01T00:00:00.000Z","u"]')]) {
      expect(await failureOf(owner.caller.surveys.list({ profileId: ada.id, cursor }))).toMatchObject({
        domainCode: 'INVALID_CURSOR',
        paths: ['cursor'],
      });
    }
  });
});

describe('surveys.latest', () => {
  it('answers the latest score of each survey with its time, most recent first', async () => {
    const { owner, ada } = await acmeWithAda(server.app);
    await owner.caller.surveys.record({
      responses: [
        response('nps-old', ada.id, 60, 6),
        response('nps-new', ada.id, 30, 10),
        response('nps-comment', ada.id, 5, null),
        { ...response('csat', ada.id, 40, 4), survey: 'CSAT' },
        { ...response('exit', ada.id, 20, null), survey: 'Exit interview' },
      ],
    });
    const { items } = await owner.caller.surveys.latest({ profileId: ada.id });
    const stored = await owner.caller.surveys.list({ profileId: ada.id });
    const timeOf = (id: string) => stored.items.find((item) => item.id === id)?.respondedAt;
    expect(items).toEqual([
      { survey: 'Exit interview', score: null, respondedAt: timeOf('exit') },
      { survey: 'NPS', score: 10, respondedAt: timeOf('nps-new') },
      { survey: 'CSAT', score: 4, respondedAt: timeOf('csat') },
    ]);
  });
});

describe('a profile’s survey responses', () => {
  async function adaWithResponses() {
    const { owner, acme, ada } = await acmeWithAda(server.app);
    const grace = await addProfile(owner, acme, 'Grace');
    await owner.caller.surveys.record({
      responses: [
        response('ada-1', ada.id, 20),
        response('ada-2', ada.id, 10, null),
        response('grace-1', grace.id),
      ],
    });
    return { owner, ada, grace };
  }

  it('stay while the profile is deleted', async () => {
    const { owner, ada } = await adaWithResponses();
    await owner.caller.profiles.delete({ id: ada.id });
    expect(ids(await owner.caller.surveys.list({ profileId: ada.id }))).toEqual(['ada-2', 'ada-1']);
  });

  it('go when the profile is purged', async () => {
    const { owner, ada } = await adaWithResponses();
    await owner.caller.profiles.purge({ id: ada.id });
    expect(await storedIds(owner)).toEqual(['grace-1']);
    expect(await failureOf(owner.caller.surveys.list({ profileId: ada.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });

  it('go when the profile is erased', async () => {
    const { owner, ada } = await adaWithResponses();
    await owner.caller.profiles.erase({ id: ada.id });
    expect(await storedIds(owner)).toEqual(['grace-1']);
    expect(await failureOf(owner.caller.surveys.latest({ profileId: ada.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });
});
