import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { minutesAgo } from './activity.testing.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

type Stage = 'sent' | 'viewed' | 'engaged' | 'goal_achieved';

function campaignEvent(id: string, profileId: string, campaignId: string, stage: Stage, minutes: number) {
  return {
    id,
    profileId,
    campaignId,
    campaignName: `The ${campaignId} campaign`,
    stage,
    occurredAt: minutesAgo(minutes),
  };
}

describe('campaigns', () => {
  it('records events once each and summarizes them per stage with the most recent campaigns', async () => {
    const owner = await app.newWorkspace('master');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada' });
    const events = [
      campaignEvent('1', ada.id, 'welcome', 'sent', 90),
      campaignEvent('2', ada.id, 'welcome', 'viewed', 80),
      campaignEvent('3', ada.id, 'welcome', 'engaged', 70),
      campaignEvent('4', ada.id, 'renewal', 'sent', 60),
      campaignEvent('5', ada.id, 'renewal', 'goal_achieved', 10),
    ];
    for (let id = 6; id <= 11; id++)
      events.push(campaignEvent(String(id), ada.id, `news-${id}`, 'sent', 100 + id));
    expect(await owner.caller.campaigns.record({ events })).toEqual({ accepted: 11, duplicates: [] });
    expect(await owner.caller.campaigns.record({ events: events.slice(0, 2) })).toEqual({
      accepted: 0,
      duplicates: ['1', '2'],
    });

    const summary = await owner.caller.campaigns.summary({ profileId: ada.id });
    expect(summary.counts).toEqual({ sent: 8, viewed: 1, engaged: 1, goal_achieved: 1 });
    expect(summary.recent.map(({ campaignId, stage }) => [campaignId, stage])).toEqual([
      ['renewal', 'goal_achieved'],
      ['welcome', 'engaged'],
      ['news-6', 'sent'],
      ['news-7', 'sent'],
      ['news-8', 'sent'],
    ]);
    expect(summary.recent[0]).toMatchObject({ campaignName: 'The renewal campaign' });
  });

  it('refuses the whole batch at the event whose profile it cannot find', async () => {
    const owner = await app.newWorkspace('master');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada' });
    const other = await app.newWorkspace('master');
    const elsewhere = await other.caller.profiles.create({ firstName: 'Grace' });
    for (const profileId of [randomUUID(), elsewhere.id]) {
      const events = [
        campaignEvent('1', ada.id, 'welcome', 'sent', 5),
        campaignEvent('2', profileId, 'welcome', 'sent', 5),
      ];
      expect(await failureOf(owner.caller.campaigns.record({ events }))).toMatchObject({
        domainCode: 'PROFILE_NOT_FOUND',
        paths: ['events.1.profileId'],
      });
    }
    expect(
      await failureOf(
        owner.caller.campaigns.record({ events: [campaignEvent('1', ada.id, 'welcome', 'sent', -60)] }),
      ),
    ).toMatchObject({ domainCode: 'INVALID_FIELD', paths: ['events.0.occurredAt'] });
    expect((await owner.caller.campaigns.summary({ profileId: ada.id })).counts.sent).toBe(0);
    for (const profileId of [randomUUID(), elsewhere.id]) {
      expect(await failureOf(owner.caller.campaigns.summary({ profileId }))).toMatchObject({
        domainCode: 'PROFILE_NOT_FOUND',
        paths: ['profileId'],
      });
    }
  });

  it('lets agents record campaign events and viewers read them', async () => {
    const owner = await app.newWorkspace('master');
    const ada = await owner.caller.profiles.create({ firstName: 'Ada' });
    const agent = await memberOfRole(app, owner, 'agent');
    const viewer = await memberOfRole(app, owner, 'viewer');
    await agent.caller.campaigns.record({ events: [campaignEvent('1', ada.id, 'welcome', 'sent', 5)] });
    expect(
      await failureOf(
        viewer.caller.campaigns.record({ events: [campaignEvent('2', ada.id, 'welcome', 'viewed', 4)] }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await viewer.caller.campaigns.summary({ profileId: ada.id })).counts.sent).toBe(1);
  });
});
