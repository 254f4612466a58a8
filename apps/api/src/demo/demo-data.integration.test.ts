import { readFileSync } from 'node:fs';
import { findMemberByEmail } from '@tessera/db/members';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import { seedDocumentSchema, type MemberInWorkspace } from '@tessera/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../router.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { importSeedByOperator } from '../seeds/seeds.service.ts';
import { workspaceScope } from '@tessera/db';
import { demoSeedPath, demoSignIn, seedDemo } from './demo-data.ts';

let app: TestApp;
let demo: ReturnType<typeof createCaller>;

beforeAll(async () => {
  app = await createTestApp();
  expect(await seedDemo(app.deps)).toBe('created');
  const workspace = await findWorkspaceBySlug(app.database.db, demoSignIn.workspace);
  if (!workspace) throw new Error('no demo workspace');
  const owner = await findMemberByEmail(app.database.db, workspace.id, demoSignIn.email);
  if (!owner) throw new Error('no demo owner');
  const member: MemberInWorkspace = {
    ...owner,
    workspaceSlug: workspace.slug,
    workspaceName: workspace.name,
  };
  demo = createCaller(app.contextFor({ member, sessionId: null, tokenId: null }));
});
afterAll(() => app.close());

async function allProfiles() {
  return (await demo.profiles.list({ limit: 100 })).items;
}

describe('the demo workspace', () => {
  it('is made once, and then found present', async () => {
    expect(await seedDemo(app.deps)).toBe('present');
    expect(await allProfiles()).toHaveLength(60);
  });

  it('has profiles with tiers, statuses, tags, locations, addresses, identities and source records', async () => {
    const profiles = await allProfiles();
    const some = (has: (profile: (typeof profiles)[number]) => boolean) => profiles.filter(has).length;
    expect(some((profile) => profile.tier !== null)).toBeGreaterThan(5);
    expect(some((profile) => profile.statuses.length > 0)).toBeGreaterThan(3);
    expect(some((profile) => profile.tags.length > 0)).toBeGreaterThan(5);
    expect(some((profile) => profile.preferredLocation !== null)).toBeGreaterThan(5);
    expect(some((profile) => profile.address !== null)).toBeGreaterThan(3);
    expect(some((profile) => profile.externalId !== null)).toBeGreaterThan(5);
    const withRecords = profiles.filter((profile) => profile.externalId !== null);
    const records = await demo.sourceRecords.list({ profileId: withRecords[0]?.id ?? '' });
    expect(records.length).toBeGreaterThan(0);
  });

  it('has reference 000’s profile types adopted by profiles and organizations, with values, stages and links', async () => {
    const types = await demo.profileTypes.list({});
    expect(types.map((type) => type.slug).sort()).toEqual([
      'customer-account',
      'customer-profile',
      'member',
      'student',
    ]);
    for (const type of types) {
      const adopters = await demo.profileTypes.listAdopters({ id: type.id });
      expect(adopters.items.length, type.slug).toBeGreaterThan(0);
    }
    const profiles = await allProfiles();
    const customer = profiles.find((profile) =>
      profile.profileTypes.some((type) => type.slug === 'customer-profile'),
    );
    expect(customer?.attributes).toMatchObject({ pet_name: expect.any(String) as string });
    const stages = await demo.workflows.recordStages({
      objectKind: 'contacts',
      recordId: customer?.id ?? '',
    });
    expect(stages).toHaveLength(1);
    const linked = await Promise.all(
      profiles.map((profile) => demo.relationships.links({ objectKind: 'contacts', recordId: profile.id })),
    );
    expect(linked.filter((links) => links.length > 0).length).toBeGreaterThan(3);
    const [organization] = (await demo.organizations.list({})).items;
    const values = await demo.attributeValues.get({
      objectKind: 'organizations',
      recordId: organization?.id ?? '',
    });
    expect(values.attributes).toMatchObject({ industry: expect.any(String) as string });
  });

  it('has survey responses, a trail of changes to page through, members and API tokens', async () => {
    const profiles = (await demo.profiles.list({ limit: 100, sortBy: 'createdAt', sortOrder: 'asc' })).items;
    const [first] = profiles;
    const latest = await demo.surveys.latest({ profileId: first?.id ?? '' });
    expect(latest.items.map((item) => item.survey).sort()).toEqual(['CSAT', 'NPS', 'Onboarding feedback']);
    const responses = await demo.surveys.list({ profileId: first?.id ?? '' });
    expect(responses.nextCursor).not.toBeNull();
    const history = await demo.audit.list({ recordKind: 'profile', recordId: first?.id ?? '' });
    expect(history.nextCursor).not.toBeNull();
    expect(history.items[0]?.changes.length).toBeGreaterThan(0);
    expect((await demo.members.list()).map((member) => member.role).sort()).toEqual([
      'agent',
      'master',
      'viewer',
    ]);
    expect((await demo.tokens.list()).map((token) => token.readOnly).sort()).toEqual([false, true]);
    const summary = await demo.usage.summary({
      from: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
      to: new Date().toISOString().slice(0, 10),
      groupBy: 'organization',
      interval: 'week',
    });
    expect(summary.total).toBeGreaterThan(1000);
  });

  it('takes its structure from a seed file that imports as it is, and a second time changes nothing', async () => {
    const document = seedDocumentSchema.parse(JSON.parse(readFileSync(demoSeedPath, 'utf8')));
    const other = await app.newWorkspace('master');
    const scope = workspaceScope(other.member.workspaceId);
    const first = await importSeedByOperator(app.deps, scope, { document, dryRun: false });
    expect(first.created).toHaveLength(document.length);
    const again = await importSeedByOperator(app.deps, scope, { document, dryRun: false });
    expect(again.unchanged).toHaveLength(document.length);
  });
});
