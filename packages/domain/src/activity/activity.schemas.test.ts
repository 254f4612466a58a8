import { describe, expect, it } from 'vitest';
import { issues, issuePaths } from '../profiles/zod-issues.testing.ts';
import {
  ingestUsageInput,
  listUsageInput,
  recordCampaignEventsInput,
  usageStreamInput,
} from './activity.schemas.ts';

const organizationId = '0b0e6a4e-8d8a-4a5c-9f11-4a3f2b1c0d01';
const profileId = '0b0e6a4e-8d8a-4a5c-9f11-4a3f2b1c0d02';

function usageEvent(index: number) {
  return {
    id: `event-${index}`,
    organizationId,
    profileId,
    module: 'Billing',
    activity: 'Download invoice',
    occurredAt: '2026-03-01T09:30:00+02:00',
  };
}

describe('usage batches', () => {
  it('read times as ISO 8601 text, dates or milliseconds since 1970', () => {
    const parsed = ingestUsageInput.parse({
      events: [
        usageEvent(0),
        { ...usageEvent(1), occurredAt: new Date(0) },
        { ...usageEvent(2), occurredAt: 1000 },
      ],
    });
    expect(parsed.events.map((event) => event.occurredAt)).toEqual([
      new Date('2026-03-01T07:30:00Z'),
      new Date(0),
      new Date(1000),
    ]);
  });

  it('hold one to 500 events', () => {
    expect(issues(ingestUsageInput.safeParse({ events: [] }))).toEqual([
      { path: 'events', message: 'Send at least one event' },
    ]);
    const full = Array.from({ length: 500 }, (_, index) => usageEvent(index));
    expect(ingestUsageInput.safeParse({ events: full }).success).toBe(true);
    expect(issues(ingestUsageInput.safeParse({ events: [...full, usageEvent(500)] }))).toEqual([
      { path: 'events', message: 'A batch holds at most 500 events' },
    ]);
  });

  it('name the field of the event at fault', () => {
    const events = [0, 1, 2, 3].map(usageEvent);
    events[3] = {
      ...usageEvent(3),
      organizationId: 'acme',
      module: 'm'.repeat(101),
      occurredAt: 'yesterday',
    };
    expect(issuePaths(ingestUsageInput.safeParse({ events }))).toEqual([
      'events.3.organizationId',
      'events.3.module',
      'events.3.occurredAt',
    ]);
  });

  it('bound ids, modules and activities', () => {
    const longest = {
      ...usageEvent(0),
      id: 'i'.repeat(128),
      module: 'm'.repeat(100),
      activity: 'a'.repeat(100),
    };
    expect(ingestUsageInput.safeParse({ events: [longest] }).success).toBe(true);
    const tooLong = { ...usageEvent(0), id: 'i'.repeat(129), activity: 'a'.repeat(101) };
    expect(issuePaths(ingestUsageInput.safeParse({ events: [tooLong] }))).toEqual([
      'events.0.id',
      'events.0.activity',
    ]);
    expect(
      issuePaths(ingestUsageInput.safeParse({ events: [{ ...usageEvent(0), id: '', module: '  ' }] })),
    ).toEqual(['events.0.id', 'events.0.module']);
    expect(issuePaths(ingestUsageInput.safeParse({ events: [{ ...usageEvent(0), id: '   ' }] }))).toEqual([
      'events.0.id',
    ]);
  });

  it('refuse an id that another event of the batch has', () => {
    const events = [usageEvent(0), usageEvent(1), usageEvent(0)];
    expect(issues(ingestUsageInput.safeParse({ events }))).toEqual([
      { path: 'events.2.id', message: 'Repeats the id of event 0' },
    ]);
  });

  it('refuse times the database cannot store', () => {
    for (const occurredAt of [
      new Date(Number.NaN),
      new Date('1969-12-31T23:59:59Z'),
      new Date(8.64e15),
      -1,
      1.5,
      '+010000-01-01T00:00:00Z',
      null,
    ]) {
      expect(issuePaths(ingestUsageInput.safeParse({ events: [{ ...usageEvent(0), occurredAt }] }))).toEqual([
        'events.0.occurredAt',
      ]);
    }
  });
});

describe('campaign batches', () => {
  it('take the four stages only', () => {
    const event = {
      id: 'c-1',
      profileId,
      campaignId: 'welcome',
      campaignName: 'Welcome',
      stage: 'goal_achieved',
      occurredAt: new Date(0),
    };
    expect(recordCampaignEventsInput.safeParse({ events: [event] }).success).toBe(true);
    expect(issues(recordCampaignEventsInput.safeParse({ events: [{ ...event, stage: 'opened' }] }))).toEqual([
      { path: 'events.0.stage', message: 'Stage must be one of sent, viewed, engaged, goal_achieved' },
    ]);
  });
});

describe('usage reads', () => {
  it('name an organization, a profile or both, and say which field is at fault', () => {
    expect(usageStreamInput.safeParse({ organizationId }).success).toBe(true);
    expect(usageStreamInput.safeParse({ profileId }).success).toBe(true);
    expect(usageStreamInput.parse({ organizationId, profileId })).toEqual({ organizationId, profileId });
    expect(listUsageInput.parse({ organizationId, profileId, limit: 5 })).toMatchObject({
      organizationId,
      profileId,
      limit: 5,
    });
    expect(issuePaths(usageStreamInput.safeParse({ organizationId: 'acme' }))).toEqual(['organizationId']);
    expect(issuePaths(usageStreamInput.safeParse({ organizationId, profileId: 'ada' }))).toEqual([
      'profileId',
    ]);
    expect(issuePaths(listUsageInput.safeParse({ profileId, module: '' }))).toEqual(['module']);
    expect(issues(usageStreamInput.safeParse({}))).toEqual([
      { path: '', message: 'Give an organizationId, a profileId, or both' },
    ]);
  });

  it('take a time range whose end is after its start', () => {
    expect(listUsageInput.parse({ profileId, from: '2026-01-01T00:00:00Z' })).toMatchObject({
      profileId,
      from: new Date('2026-01-01T00:00:00Z'),
      limit: 25,
    });
    expect(
      issuePaths(listUsageInput.safeParse({ organizationId, from: new Date(1000), to: new Date(1000) })),
    ).toEqual(['to']);
  });
});
