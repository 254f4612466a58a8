import { randomUUID } from 'node:crypto';
import { newProfileDefaults } from '@tessera/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client.ts';
import { findProfile, findProfileByEmail, insertProfile } from '../profiles/profile.queries.ts';
import { memberScope, workspaceScope, type Scope } from '../shared/scope.ts';
import { createTestDb, testDriver } from '../testing/test-database.ts';
import { insertWorkspace } from '../workspaces/workspace.queries.ts';
import { countProfilesOnlyIn, insertMembership } from '../memberships/membership.queries.ts';
import { findOrganizationPage, insertOrganization, searchOrganizations } from './organization.queries.ts';

let database: Db;

beforeAll(async () => {
  database = await createTestDb();
});
afterAll(() => database.close());

async function newWorkspace(): Promise<Scope> {
  const id = randomUUID();
  await insertWorkspace(database.db, { id, slug: `o-${id}`, name: 'Organizations' });
  return workspaceScope(id);
}

const now = new Date('2026-01-01T00:00:00Z');

function organization(scope: Scope, name: string, fields: { externalId?: string; domain?: string } = {}) {
  return insertOrganization(database.db, scope, {
    id: randomUUID(),
    name,
    externalId: fields.externalId ?? null,
    domain: fields.domain ?? null,
    now,
  });
}

function profile(scope: Scope, email: string) {
  return insertProfile(database.db, scope, {
    ...newProfileDefaults,
    tags: [],
    statuses: [],
    addresses: [],
    id: randomUUID(),
    firstName: 'Ada',
    email,
    now,
  });
}

function join(scope: Scope, organizationId: string, profileId: string) {
  return insertMembership(database.db, scope, {
    organizationId,
    profileId,
    isContact: false,
    isKeyContact: false,
    attributes: {},
    now,
  });
}

describe('organization queries', () => {
  it('page through organizations by name in any case, ties by id, after the last one read', async () => {
    const scope = await newWorkspace();
    for (const name of ['b', 'A', 'a', 'B', 'c']) await organization(scope, name);
    const names: string[] = [];
    let after: { name: string; id: string } | undefined;
    for (;;) {
      const page = await findOrganizationPage(database.db, scope, { limit: 2, after });
      if (page.length === 0) break;
      names.push(...page.map((each) => each.name.toLowerCase()));
      const last = page.at(-1);
      after = last && { name: last.name, id: last.id };
    }
    expect(names).toEqual(['a', 'a', 'b', 'b', 'c']);
  });

  it('find organizations by name, external id or domain, escaping LIKE patterns', async () => {
    const scope = await newWorkspace();
    await organization(scope, 'Acme 100%', { externalId: 'ACC_1', domain: 'acme.com' });
    await organization(scope, 'Acme 1000', { externalId: 'ACCX1' });
    const names = async (text: string) =>
      (await searchOrganizations(database.db, scope, { text, limit: 10 })).map((each) => each.name);
    expect(await names('100%')).toEqual(['Acme 100%']);
    expect(await names('acc_1')).toEqual(['Acme 100%']);
    expect(await names('ACME.COM')).toEqual(['Acme 100%']);
  });

  it('count the members an organization is the only organization of', async () => {
    const scope = await newWorkspace();
    const acme = await organization(scope, 'Acme');
    const beta = await organization(scope, 'Beta');
    const [ada, bob, cy] = [
      await profile(scope, 'ada@x.test'),
      await profile(scope, 'bob@x.test'),
      await profile(scope, 'cy@x.test'),
    ];
    await join(scope, acme.id, ada.id);
    await join(scope, acme.id, bob.id);
    await join(scope, beta.id, bob.id);
    await join(scope, beta.id, cy.id);
    expect(await countProfilesOnlyIn(database.db, scope, acme.id)).toBe(1);
    expect(await countProfilesOnlyIn(database.db, scope, beta.id)).toBe(1);
  });

  it('read a profile in a limited scope only through a membership of one of its organizations', async () => {
    const scope = await newWorkspace();
    const acme = await organization(scope, 'Acme');
    const beta = await organization(scope, 'Beta');
    const ada = await profile(scope, 'ada@x.test');
    await join(scope, beta.id, ada.id);
    const seesAcme = memberScope(scope.workspaceId, [acme.id]);
    const seesBoth = memberScope(scope.workspaceId, [acme.id, beta.id]);
    const seesNone = memberScope(scope.workspaceId, []);
    expect(await findProfile(database.db, seesAcme, ada.id)).toBeUndefined();
    expect(await findProfileByEmail(database.db, seesAcme, 'ada@x.test')).toBeUndefined();
    expect(await findProfile(database.db, seesNone, ada.id)).toBeUndefined();
    expect(await findProfile(database.db, seesBoth, ada.id)).toEqual(ada);
    expect(await findProfileByEmail(database.db, seesBoth, 'ada@x.test')).toEqual(ada);
    await database.db.transaction().execute(async (trx) => {
      expect(await findProfile(trx, seesBoth, ada.id, { forUpdate: true })).toEqual(ada);
      expect(await findProfile(trx, seesAcme, ada.id, { forUpdate: true })).toBeUndefined();
    });
  });

  it('run limited lookups as statements of their own, and unlimited ones as before', async (context) => {
    if ((await testDriver()) !== 'pg') context.skip('named statements exist only on a PostgreSQL server');
    const scope = await newWorkspace();
    const acme = await organization(scope, 'Acme');
    const ada = await profile(scope, 'ada@x.test');
    await join(scope, acme.id, ada.id);
    const limited = memberScope(scope.workspaceId, [acme.id]);
    const statements = await database.db.transaction().execute(async (trx) => {
      expect(await findProfile(trx, scope, ada.id)).toEqual(ada);
      expect(await findProfile(trx, limited, ada.id)).toEqual(ada);
      expect(await findProfileByEmail(trx, limited, 'ada@x.test')).toEqual(ada);
      const { rows } = await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements`.execute(trx);
      return new Map(rows.map((row) => [row.name, row.statement]));
    });
    expect(statements.get('profile_by_id')).not.toContain('memberships');
    expect(statements.get('limited_profile_by_id')).toContain('scope_memberships');
    expect(statements.get('limited_profile_by_email')).toContain('scope_memberships');
  });

  it('delete an organization’s rows of the record tables through their own indexes', async (context) => {
    if ((await testDriver()) !== 'pg') context.skip('plans are checked on the PostgreSQL server');
    const scope = await newWorkspace();
    const plans = await database.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = async (table: string, column: string) =>
        JSON.stringify(
          (
            await sql`explain delete from ${sql.table(table)}
              where workspace_id = ${scope.workspaceId} and ${sql.ref(column)} = ${randomUUID()}`.execute(trx)
          ).rows,
        );
      return [
        await plan('profile_type_adoptions', 'organization_id'),
        await plan('attribute_values', 'organization_id'),
        await plan('workflow_positions', 'organization_id'),
        await plan('relationship_links', 'source_organization_id'),
        await plan('relationship_links', 'target_organization_id'),
        await plan('member_organization_scopes', 'organization_id'),
      ];
    });
    expect(plans.map((plan) => /_organization_idx/.test(plan))).toEqual([true, true, true, true, true, true]);
  });
});
