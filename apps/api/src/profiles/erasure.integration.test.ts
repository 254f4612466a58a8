import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { acmeWithAda, addProfile, minutesAgo, usageEvent } from '../activity/activity.testing.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** Ada, in Acme, with usage there and a campaign; Grace, in Acme too, with usage. */
async function adaWithActivity() {
  const { owner, acme, ada } = await acmeWithAda(app);
  const grace = await addProfile(owner, acme, 'Grace');
  await owner.caller.usage.ingest({
    events: [
      usageEvent('1', acme, ada.id, 1),
      usageEvent('2', acme, grace.id, 2),
      usageEvent('3', acme, ada.id, 3),
    ],
  });
  await owner.caller.campaigns.record({
    events: [
      {
        id: 'c',
        profileId: ada.id,
        campaignId: 'welcome',
        campaignName: 'Welcome',
        stage: 'sent',
        occurredAt: minutesAgo(9),
      },
    ],
  });
  const usageOfAcme = async () =>
    (await owner.caller.usage.list({ organizationId: acme })).items.map(({ id, profileId, email }) => ({
      id,
      profileId,
      email,
    }));
  const campaignEventsLeft = async () =>
    (
      await app.database.db
        .selectFrom('campaign_events')
        .select('id')
        .where('workspace_id', '=', owner.member.workspaceId)
        .execute()
    ).length;
  return { owner, acme, ada, grace, usageOfAcme, campaignEventsLeft };
}

describe('what a profile leaves behind', () => {
  it('after a delete, everything stays and the profile is hidden', async () => {
    const { owner, ada, grace, usageOfAcme, campaignEventsLeft } = await adaWithActivity();
    await owner.caller.profiles.delete({ id: ada.id });
    expect((await owner.caller.profiles.list({})).items.map((profile) => profile.id)).toEqual([grace.id]);
    expect(await usageOfAcme()).toEqual([
      { id: '1', profileId: ada.id, email: 'ada@example.com' },
      { id: '2', profileId: grace.id, email: 'grace@example.com' },
      { id: '3', profileId: ada.id, email: 'ada@example.com' },
    ]);
    expect((await owner.caller.usage.list({ profileId: ada.id })).items).toHaveLength(2);
    expect((await owner.caller.campaigns.summary({ profileId: ada.id })).counts.sent).toBe(1);
    expect(await campaignEventsLeft()).toBe(1);
  });

  it("after a purge, the organization's usage still shows the email and id recorded; campaigns are gone", async () => {
    const { owner, ada, grace, usageOfAcme, campaignEventsLeft } = await adaWithActivity();
    await owner.caller.profiles.purge({ id: ada.id });
    expect(await usageOfAcme()).toEqual([
      { id: '1', profileId: ada.id, email: 'ada@example.com' },
      { id: '2', profileId: grace.id, email: 'grace@example.com' },
      { id: '3', profileId: ada.id, email: 'ada@example.com' },
    ]);
    expect(await campaignEventsLeft()).toBe(0);
    expect(await failureOf(owner.caller.usage.list({ profileId: ada.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });

  it('after an erasure, the usage shows neither, campaigns are gone, and the audit says so without the email', async () => {
    const { owner, ada, grace, usageOfAcme, campaignEventsLeft } = await adaWithActivity();
    await owner.caller.profiles.contactPoints.create({
      profileId: ada.id,
      key: 'phone',
      value: '+61412345678',
    });
    await owner.caller.sourceRecords.upsertForProfile({
      profileId: ada.id,
      identifierQuery: 'shop:customer:email:ada.shop@example.com',
      attributes: { plan: 'gold' },
    });
    const workspaceAudit = async () =>
      JSON.stringify(
        await app.database.db
          .selectFrom('audit_entries')
          .select(['before', 'after'])
          .where('workspace_id', '=', owner.member.workspaceId)
          .execute(),
      );
    expect(await workspaceAudit()).toContain('+61412345678');
    expect(await owner.caller.profiles.erase({ id: ada.id })).toEqual({ id: ada.id });
    const audit = await workspaceAudit();
    for (const personal of ['ada@example.com', 'ada.shop@example.com', '+61412345678']) {
      expect(audit).not.toContain(personal);
    }
    expect(await usageOfAcme()).toEqual([
      { id: '1', profileId: null, email: null },
      { id: '2', profileId: grace.id, email: 'grace@example.com' },
      { id: '3', profileId: null, email: null },
    ]);
    expect(await campaignEventsLeft()).toBe(0);
    expect(await failureOf(owner.caller.profiles.get({ id: ada.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'profile',
      ada.id,
    );
    expect(trail.map((entry) => entry.action).slice(-2)).toEqual(['profile.purge', 'profile.erase']);
    const erasure = trail.at(-1);
    expect(erasure).toMatchObject({
      before: null,
      after: { usageEventsErased: 2, auditEntriesErased: expect.any(Number) as number },
      actorMemberId: owner.member.id,
    });
    expect(JSON.stringify(erasure)).not.toContain('ada@example.com');
    expect(await failureOf(owner.caller.profiles.erase({ id: ada.id }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });

  it('an erasure is for admins and above', async () => {
    const { owner, ada, usageOfAcme } = await adaWithActivity();
    const agent = await memberOfRole(app, owner, 'agent');
    expect(await failureOf(agent.caller.profiles.erase({ id: ada.id }))).toMatchObject({ code: 'FORBIDDEN' });
    const admin = await memberOfRole(app, owner, 'admin');
    await admin.caller.profiles.erase({ id: ada.id });
    expect((await usageOfAcme()).filter((event) => event.email === 'ada@example.com')).toEqual([]);
  });
});
