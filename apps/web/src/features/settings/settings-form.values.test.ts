import { describe, expect, it } from 'vitest';
import { formIssuesOf, settingsInputOf, type SettingsFormValues } from './settings-form.values.ts';

const values: SettingsFormValues = {
  defaultPhoneRegion: '',
  timeZone: 'Europe/Berlin',
  currencies: '',
  locations: [],
  statuses: [],
  tiers: [],
  sourceRecordsPerProfileMax: '20',
};

describe('settingsInputOf', () => {
  it('reads the source records per profile as a number', () => {
    expect(
      settingsInputOf({ ...values, sourceRecordsPerProfileMax: ' 35 ' }).sourceRecordsPerProfileMax,
    ).toBe(35);
  });

  it.each(['', 'many', '1e'])('passes %j on as text, for the schema to refuse', (typed) => {
    expect(settingsInputOf({ ...values, sourceRecordsPerProfileMax: typed }).sourceRecordsPerProfileMax).toBe(
      typed,
    );
  });

  it('leaves out a blank tier rank and reads a typed one as a number', () => {
    const input = settingsInputOf({
      ...values,
      tiers: [
        { handle: 'silver', name: 'Silver', rank: '' },
        { handle: 'gold', name: 'Gold', rank: '2' },
      ],
    });
    expect(input.tiers.map((tier) => tier.rank)).toEqual([undefined, 2]);
  });
});

describe('removed rows', () => {
  const withRemoved: SettingsFormValues = {
    ...values,
    tiers: [
      { handle: 'bronze', name: 'Bronze', rank: '0' },
      { handle: 'silver', name: 'Silver', rank: '1', isRemoved: true },
      { handle: 'gold', name: 'Gold', rank: '2' },
      { handle: 'new', name: '', rank: '' },
    ],
  };

  it('are left out of the input', () => {
    expect(settingsInputOf(withRemoved).tiers.map((tier) => tier.handle)).toEqual(['bronze', 'gold', 'new']);
  });

  it('count in the paths of the input’s issues, which name the rows they came from', () => {
    expect(
      formIssuesOf(withRemoved, [{ path: 'tiers.2.name', message: 'Tier name is required' }], false),
    ).toEqual([{ path: 'tiers.3.name', message: 'Tier name is required' }]);
  });

  it('show a refused removal, at its place in the saved list, at the first field of its row', () => {
    expect(
      formIssuesOf(withRemoved, [{ path: 'tiers.1', message: '2 profiles hold the tier Silver' }], true),
    ).toEqual([{ path: 'tiers.1.handle', message: '2 profiles hold the tier Silver' }]);
    expect(formIssuesOf(withRemoved, [{ path: 'currencies.0', message: 'held' }], true)).toEqual([
      { path: 'currencies.0', message: 'held' },
    ]);
  });
});
