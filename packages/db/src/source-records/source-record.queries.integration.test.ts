import { workspaceScope } from '../shared/scope.ts';
import { randomUUID } from 'node:crypto';
import { newProfileDefaults } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { insertProfile } from '../profiles/profile.queries.ts';
import { createTestDb } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import { addProfileIdentities, findProfileIdentities, setPrimaryIdentityRow } from './identity.queries.ts';
import {
  findProfilesIdentifiedBy,
  findSourceRecordByIdentifier,
  insertSourceRecord,
} from './source-record.queries.ts';

let database: Db;

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

let sequence = 0;
/** A ULID-shaped id, new on every call. */
function sortableId(): string {
  sequence += 1;
  return `01J${String(sequence).padStart(23, '0')}`;
}

async function workspaceWithProfiles(count: number) {
  const scope = workspaceScope(randomUUID());
  await insertWorkspace(database.db, { id: scope.workspaceId, slug: `s-${scope.workspaceId}`, name: 'S' });
  const profiles = [];
  for (let index = 0; index < count; index++) {
    profiles.push(
      await insertProfile(database.db, scope, {
        ...newProfileDefaults,
        tags: [],
        statuses: [],
        addresses: [],
        id: randomUUID(),
        firstName: `P${index}`,
        now: new Date(),
      }),
    );
  }
  return { scope, profiles };
}

const record = (profileId: string, value: string) => ({
  id: sortableId(),
  profileId,
  source: 'shop',
  type: 'customer',
  name: null,
  identifiers: [{ type: 'email', value }],
  attributes: {},
  now: new Date(),
});

describe('source record and identity constraints', () => {
  it('keep an identifier query to one record of a workspace, and apart between workspaces', async () => {
    const one = await workspaceWithProfiles(2);
    const [first, second] = one.profiles.map((profile) => profile.id);
    if (!first || !second) throw new Error('no profiles');
    const written = await insertSourceRecord(database.db, one.scope, record(first, 'a@x.test'));
    await expect(
      database.db
        .transaction()
        .execute((trx) => insertSourceRecord(trx, one.scope, record(second, 'a@x.test'))),
    ).rejects.toMatchObject({ code: 'SOURCE_RECORD_IDENTIFIER_TAKEN', path: 'identifiers' });

    const other = await workspaceWithProfiles(1);
    const [elsewhere] = other.profiles;
    if (!elsewhere) throw new Error('no profile');
    await insertSourceRecord(database.db, other.scope, record(elsewhere.id, 'a@x.test'));
    const key = { source: 'shop', type: 'customer', identifier: { type: 'google', value: 'a@x.test' } };
    expect((await findSourceRecordByIdentifier(database.db, one.scope, key))?.id).toBe(written.id);
    expect((await findSourceRecordByIdentifier(database.db, other.scope, key))?.profileId).toBe(elsewhere.id);
  });

  it('give a standard identity to one profile, and keep one primary identity per profile', async () => {
    const { scope, profiles } = await workspaceWithProfiles(2);
    const [first, second] = profiles.map((profile) => profile.id);
    if (!first || !second) throw new Error('no profiles');
    const identity = (type: string, identifier: string, isPrimary = false) => ({
      id: sortableId(),
      handle: 'shop',
      type,
      identifier,
      isPrimary,
    });
    await addProfileIdentities(database.db, scope, first, [identity('twitter', 'ada', true)], new Date());
    expect(await findProfilesIdentifiedBy(database.db, scope, [{ type: 'twitter', value: 'ada' }])).toEqual([
      first,
    ]);
    await expect(
      database.db
        .transaction()
        .execute((trx) => addProfileIdentities(trx, scope, second, [identity('twitter', 'ada')], new Date())),
    ).rejects.toMatchObject({ code: 'SOURCE_RECORD_PROFILE_CONFLICT' });
    await addProfileIdentities(database.db, scope, second, [identity('member_id', 'ada', true)], new Date());

    const secondPrimary = identity('member_id', 'm1', true);
    await expect(
      database.db
        .insertInto('profile_identities')
        .values({
          workspace_id: scope.workspaceId,
          id: secondPrimary.id,
          profile_id: first,
          handle: 'shop',
          type: 'member_id',
          match_type: 'member_id',
          identifier: 'm1',
          is_primary: true,
          created_at: new Date(),
        })
        .execute(),
    ).rejects.toMatchObject({ constraint: 'profile_identities_primary_key' });
    const other = identity('member_id', 'm2');
    await addProfileIdentities(database.db, scope, first, [other], new Date());
    expect(await setPrimaryIdentityRow(database.db, scope, first, other.id)).toMatchObject({
      isPrimary: true,
    });
    expect(
      (await findProfileIdentities(database.db, scope, first)).map((each) => [
        each.identifier,
        each.isPrimary,
      ]),
    ).toEqual([
      ['m2', true],
      ['ada', false],
    ]);
    expect(await setPrimaryIdentityRow(database.db, scope, second, other.id)).toBeUndefined();
  });
});
