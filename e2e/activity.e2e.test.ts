import type { TestMember } from '@tessera/api/testing';
import { describe, expect, it } from 'vitest';
import { shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

/** An organization with these profiles in it. */
async function organizationWith(owner: TestMember, name: string, profileIds: string[]) {
  const { id } = await owner.caller.organizations.create({ name });
  for (const profileId of profileIds)
    await owner.caller.memberships.create({ organizationId: id, profileId });
  return id;
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('activity on a profile page', () => {
  it("shows the campaign summary, and the person's own usage arriving in each organization without a reload", async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const owner = await app.newWorkspace('master');
    const { caller } = owner;
    const ada = await caller.profiles.create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    const grace = await caller.profiles.create({ firstName: 'Grace', email: 'grace@example.com' });
    const acme = await organizationWith(owner, 'Acme Corporation', [ada.id, grace.id]);
    await organizationWith(owner, 'Globex', [ada.id]);
    const campaign = (
      id: string,
      campaignId: string,
      campaignName: string,
      stage: 'sent' | 'viewed' | 'goal_achieved',
      minutes: number,
    ) => ({
      id,
      profileId: ada.id,
      campaignId,
      campaignName,
      stage,
      occurredAt: minutesAgo(minutes),
    });
    await caller.campaigns.record({
      events: [
        campaign('c1', 'welcome', 'Welcome aboard', 'sent', 90),
        campaign('c2', 'welcome', 'Welcome aboard', 'viewed', 80),
        campaign('c3', 'renewal', 'Renewal reminder', 'sent', 30),
        campaign('c4', 'renewal', 'Renewal reminder', 'goal_achieved', 20),
      ],
    });
    const usage = (id: string, profileId: string, module: string, activity: string, minutes: number) => ({
      id,
      organizationId: acme,
      profileId,
      module,
      activity,
      occurredAt: minutesAgo(minutes),
    });
    await caller.usage.ingest({
      events: [
        usage('u1', ada.id, 'Billing', 'Open invoice', 15),
        usage('u2', grace.id, 'Reports', 'Run report', 10),
      ],
    });

    const page = await browser.newPage();
    await signIn(page, url, owner.member.email);
    await page.goto(`${url}/profiles/${ada.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();

    const campaigns = page.getByRole('region', { name: 'Campaigns' });
    await campaigns.getByText('Renewal reminder').waitFor();
    const countOf = async (stage: string) =>
      campaigns
        .getByRole('term')
        .filter({ hasText: stage })
        .locator('xpath=following-sibling::dd[1]')
        .textContent();
    expect(await countOf('Sent')).toBe('2');
    expect(await countOf('Viewed')).toBe('1');
    expect(await countOf('Engaged')).toBe('0');
    expect(await countOf('Goal achieved')).toBe('1');
    const recent = campaigns.getByRole('listitem');
    expect(await recent.allTextContents()).toEqual([
      expect.stringContaining('Renewal reminderGoal achieved') as string,
      expect.stringContaining('Welcome aboardViewed') as string,
    ]);

    const acmeUsage = page.getByRole('region', { name: 'Usage in Acme Corporation' });
    await page.getByRole('region', { name: 'Usage in Globex' }).getByText('No usage yet.').waitFor();
    await acmeUsage.getByText('Live').waitFor();
    const items = acmeUsage.getByRole('listitem');
    expect(await items.count()).toBe(1);
    expect(await items.first().textContent()).toContain('ada@example.com');

    // A reload would clear this mark.
    await page.evaluate(() => Object.assign(window, { isStillTheSamePage: true }));
    // Grace's usage in the same organization is not Ada's: it never reaches her page.
    await caller.usage.ingest({ events: [usage('u3g', grace.id, 'Reports', 'Export report', 0)] });
    await caller.usage.ingest({ events: [usage('u3', ada.id, 'Dashboards', 'Share dashboard', 0)] });
    await acmeUsage.getByText('Share dashboard', { exact: true }).waitFor();
    expect(await items.count()).toBe(2);
    expect(await acmeUsage.textContent()).not.toContain('grace@example.com');
    const newest = await items.first().textContent();
    expect(newest).toContain('Dashboards');
    expect(newest).toContain('ada@example.com');
    expect(
      await page.getByRole('status').filter({ hasText: 'New usage in Acme Corporation' }).textContent(),
    ).toBe('New usage in Acme Corporation: Dashboards, Share dashboard by ada@example.com.');
    expect(await page.evaluate(() => 'isStillTheSamePage' in window)).toBe(true);

    await shoot(page, 'activity-profile');
  });
});
