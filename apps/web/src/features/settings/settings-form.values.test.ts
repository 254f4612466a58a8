import { describe, expect, it } from 'vitest';
import { settingsInputOf, type SettingsFormValues } from './settings-form.values.ts';

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
