import { describe, expect, it } from 'vitest';
import { updateWorkspaceSettingsInput, workspaceSettingsInput } from './workspace-settings.schemas.ts';
import { issuePaths, issues } from '../profiles/zod-issues.testing.ts';
import { removedSettings, withLocationIds } from './workspace-settings.ts';

const settings = {
  defaultPhoneRegion: 'AU',
  timeZone: 'Australia/Sydney',
  currencies: ['AUD', 'NZD'],
  locations: [
    { id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60', name: 'Sydney', externalId: 'SYD-01' },
    { name: 'Melbourne', externalId: 'MEL-01' },
  ],
  statuses: [
    { handle: 'influencer', name: 'Influencer' },
    { handle: 'staff', name: 'Staff' },
  ],
  tiers: [
    { handle: 'silver', name: 'Silver', rank: 1 },
    { handle: 'gold', name: 'Gold', rank: 2 },
    { handle: 'friend', name: 'Friend' },
  ],
  sourceRecordsPerProfileMax: 20,
};

describe('workspaceSettingsInput', () => {
  it('accepts whole settings', () => {
    expect(workspaceSettingsInput.parse(settings)).toEqual(settings);
  });

  it('normalises the region, currencies and handles, and drops repeated currencies', () => {
    const parsed = workspaceSettingsInput.parse({
      ...settings,
      defaultPhoneRegion: ' au ',
      currencies: ['aud', 'USD', ' AUD '],
      statuses: [{ handle: ' VIP ', name: 'VIP' }],
    });
    expect(parsed).toMatchObject({
      defaultPhoneRegion: 'AU',
      currencies: ['AUD', 'USD'],
      statuses: [{ handle: 'vip', name: 'VIP' }],
    });
  });

  it('takes no default phone region as null or blank', () => {
    expect(
      workspaceSettingsInput.parse({ ...settings, defaultPhoneRegion: null }).defaultPhoneRegion,
    ).toBeNull();
    expect(
      workspaceSettingsInput.parse({ ...settings, defaultPhoneRegion: ' ' }).defaultPhoneRegion,
    ).toBeNull();
  });

  it('refuses a region without a numbering plan, an unknown time zone and an unknown currency, at each field', () => {
    const result = workspaceSettingsInput.safeParse({
      ...settings,
      defaultPhoneRegion: 'XX',
      timeZone: 'Mars/Olympus_Mons',
      currencies: ['AUD', 'ABC'],
    });
    expect(issues(result)).toEqual([
      {
        path: 'defaultPhoneRegion',
        message: 'Default phone region must be a two-letter country code, like AU',
      },
      { path: 'timeZone', message: 'Time zone must be an IANA time zone name, like Australia/Sydney' },
      { path: 'currencies.1', message: 'Currency must be an ISO 4217 code, like AUD' },
    ]);
  });

  it('refuses a location external id used twice, at the repeat, telling case apart', () => {
    const result = workspaceSettingsInput.safeParse({
      ...settings,
      locations: [
        { name: 'Sydney', externalId: 'SYD' },
        { name: 'Sydney airport', externalId: 'syd' },
        { name: 'Sydney again', externalId: 'SYD' },
      ],
    });
    expect(issues(result)).toEqual([
      { path: 'locations.2.externalId', message: 'Another location already has the external id SYD' },
    ]);
  });

  it('refuses a location id used twice and a malformed id', () => {
    const id = '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60';
    const twice = [
      { id, name: 'A', externalId: 'A' },
      { id, name: 'B', externalId: 'B' },
    ];
    expect(issuePaths(workspaceSettingsInput.safeParse({ ...settings, locations: twice }))).toEqual([
      'locations.1.id',
    ]);
    const malformed = [{ id: 'nope', name: 'A', externalId: 'A' }];
    expect(issuePaths(workspaceSettingsInput.safeParse({ ...settings, locations: malformed }))).toEqual([
      'locations.0.id',
    ]);
  });

  it('refuses a status or tier handle used twice, after lower-casing, at the repeat', () => {
    const result = workspaceSettingsInput.safeParse({
      ...settings,
      statuses: [
        { handle: 'staff', name: 'Staff' },
        { handle: 'media', name: 'Media' },
        { handle: 'Staff', name: 'Staff again' },
      ],
      tiers: [
        { handle: 'gold', name: 'Gold' },
        { handle: 'gold', name: 'Gold 2' },
      ],
    });
    expect(issues(result)).toEqual([
      { path: 'statuses.2.handle', message: 'Another status already has the handle staff' },
      { path: 'tiers.1.handle', message: 'Another tier already has the handle gold' },
    ]);
  });

  it('refuses handles that are not slugs, blank names and a rank that is not a whole number', () => {
    const result = workspaceSettingsInput.safeParse({
      ...settings,
      statuses: [
        { handle: 'vip member', name: 'VIP' },
        { handle: '-vip', name: 'VIP' },
        { handle: 'vip', name: ' ' },
      ],
      tiers: [{ handle: 'gold', name: 'Gold', rank: 1.5 }],
    });
    expect(issuePaths(result)).toEqual([
      'statuses.0.handle',
      'statuses.1.handle',
      'statuses.2.name',
      'tiers.0.rank',
    ]);
  });

  it('refuses settings with a field missing', () => {
    const { timeZone: _omitted, ...withoutTimeZone } = settings;
    expect(issuePaths(workspaceSettingsInput.safeParse(withoutTimeZone))).toEqual(['timeZone']);
  });
});

describe('updateWorkspaceSettingsInput', () => {
  it('accepts any subset of the settings and checks what is given', () => {
    expect(updateWorkspaceSettingsInput.parse({ timeZone: 'Europe/London' })).toEqual({
      timeZone: 'Europe/London',
    });
    expect(updateWorkspaceSettingsInput.parse({})).toEqual({});
    expect(
      issuePaths(
        updateWorkspaceSettingsInput.safeParse({
          tiers: [
            { handle: 'a', name: 'A' },
            { handle: 'a', name: 'B' },
          ],
        }),
      ),
    ).toEqual(['tiers.1.handle']);
  });
});

describe('withLocationIds', () => {
  const present = [
    { id: 'a', name: 'Sydney', externalId: 'SYD' },
    { id: 'b', name: 'Auckland', externalId: 'AKL' },
  ];
  let next = 0;
  const newId = () => `new-${++next}`;

  it('gives a location sent without an id the id of the present one with its external id', () => {
    expect(
      withLocationIds(
        [
          { name: 'Sydney CBD', externalId: 'SYD' },
          { name: 'Perth', externalId: 'PER' },
          { name: 'Nowhere', externalId: null },
        ],
        present,
        newId,
      ).map((location) => location.id),
    ).toEqual(['a', 'new-1', 'new-2']);
  });

  it('matches no location by external id that another location sent names by its id', () => {
    expect(
      withLocationIds(
        [
          { id: 'a', name: 'Sydney', externalId: 'SYD-2' },
          { name: 'New Sydney', externalId: 'SYD' },
        ],
        present,
        newId,
      ).map((location) => location.id),
    ).toEqual(['a', 'new-3']);
  });
});

describe('removedSettings', () => {
  it('lists what a save takes out, at its place in the present lists, with what profiles hold of it', () => {
    const before = {
      currencies: ['AUD', 'NZD'],
      locations: [{ id: 'l1', name: 'Sydney', externalId: null }],
      statuses: [{ handle: 'staff', name: 'Staff' }],
      tiers: [
        { id: 't1', handle: 'silver', name: 'Silver', rank: 1 },
        { id: 't2', handle: 'gold', name: 'Gold', rank: 2 },
      ],
    };
    expect(
      removedSettings(before, {
        currencies: ['AUD'],
        locations: [],
        statuses: before.statuses,
        tiers: [{ id: 'other', handle: 'silver', name: 'Silver again', rank: 5 }],
      }),
    ).toEqual([
      { list: 'currencies', path: 'currencies.1', value: 'NZD', label: 'NZD' },
      { list: 'locations', path: 'locations.0', value: 'l1', label: 'Sydney' },
      { list: 'tiers', path: 'tiers.1', value: 't2', label: 'Gold' },
    ]);
  });
});
