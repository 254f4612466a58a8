import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';

// Each call runs its own transaction on a connection of its own (the pool holds 16), so these
// clients meet in the database as requests from 16 clients would.
const clients = 16;

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function countOf(member: TestMember, table: 'profiles' | 'source_records' | 'profile_identities') {
  const { count } = await app.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', member.member.workspaceId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

const each = <T>(work: (index: number) => Promise<T>) =>
  Promise.all(Array.from({ length: clients }, (_, index) => work(index)));

describe(`${clients} clients at once`, () => {
  it('creating or updating the same identifier make one record and one profile', async () => {
    const owner = await app.newWorkspace();
    const answers = await each((index) =>
      owner.caller.sourceRecords.upsert({
        identifierQuery: 'coolbikes:rider:email:race@example.com',
        identifiers: [{ type: 'external_id', value: 'R-1' }],
        attributes: { client: index },
      }),
    );
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(new Set(answers.map((answer) => answer.profileId)).size).toBe(1);
    expect(answers.filter((answer) => answer.isCreated)).toHaveLength(1);
    expect(await countOf(owner, 'source_records')).toBe(1);
    expect(await countOf(owner, 'profiles')).toBe(1);
    expect(await countOf(owner, 'profile_identities')).toBe(2);
  });

  it('creating records of different sources with the same email give them one profile', async () => {
    const owner = await app.newWorkspace();
    const answers = await each((index) =>
      owner.caller.sourceRecords.upsert({
        identifierQuery: `source${index}:customer:email:shared@example.com`,
      }),
    );
    expect(new Set(answers.map((answer) => answer.profileId)).size).toBe(1);
    expect(await countOf(owner, 'source_records')).toBe(clients);
    expect(await countOf(owner, 'profiles')).toBe(1);
  });

  it('merge patches to different attribute keys of one record all survive', async () => {
    const owner = await app.newWorkspace();
    const record = await owner.caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:patched@example.com',
      attributes: { kept: true },
    });
    await each((index) =>
      owner.caller.sourceRecords.patch({ id: record.id, attributes: { [`key${index}`]: index } }),
    );
    const { attributes } = await owner.caller.sourceRecords.get({ id: record.id });
    expect(attributes).toEqual({
      kept: true,
      ...Object.fromEntries(Array.from({ length: clients }, (_, index) => [`key${index}`, index])),
    });
  });

  it('creating records for one profile stop at the workspace’s limit', async () => {
    const owner = await app.newWorkspace();
    await owner.caller.workspaceSettings.update({ sourceRecordsPerProfileMax: 5 });
    const profile = await owner.caller.profiles.create({ firstName: 'Limited' });
    const answers = await Promise.allSettled(
      Array.from({ length: clients }, (_, index) =>
        owner.caller.sourceRecords.upsertForProfile({
          profileId: profile.id,
          identifierQuery: `s${index}:t:id:1`,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 'fulfilled')).toHaveLength(5);
    expect(await countOf(owner, 'source_records')).toBe(5);
  });
});
