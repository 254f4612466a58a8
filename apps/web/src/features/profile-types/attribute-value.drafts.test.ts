import type { AttributeDataType } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import {
  changedValuesOf,
  defaultValuesOf,
  draftOf,
  draftsOf,
  emptyDraft,
  valueOfDraft,
  type ValueDefinition,
} from './attribute-value.drafts.ts';

function attribute(slug: string, dataType: AttributeDataType): ValueDefinition {
  const options = [
    { value: 'gold', label: 'Gold' },
    { value: 'silver', label: 'Silver' },
  ];
  return { slug, label: slug.replace('_', ' '), dataType, options };
}

describe('draftOf', () => {
  it('gives each data type’s empty draft for no value', () => {
    expect(draftOf(attribute('nickname', 'text'), undefined)).toBe('');
    expect(draftOf(attribute('is_vip', 'boolean'), null)).toBeNull();
    expect(draftOf(attribute('plans', 'multi_select'), undefined)).toEqual([]);
    expect(draftOf(attribute('budget', 'money'), undefined)).toEqual({ amount: '', currency: '' });
  });

  it('shows a date and time in the browser’s time zone, to the minute', () => {
    // The tests run in Europe/Berlin, an hour ahead of UTC in winter.
    expect(draftOf(attribute('met_at', 'date_time'), '2024-01-05T09:30:00.000Z')).toBe('2024-01-05T10:30');
  });

  it('shows numbers as text, JSON indented, money and options as they are stored', () => {
    expect(draftOf(attribute('visits', 'integer'), 12)).toBe('12');
    expect(draftOf(attribute('extra', 'json'), { a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(draftOf(attribute('budget', 'money'), { amount: '12.50', currency: 'AUD' })).toEqual({
      amount: '12.50',
      currency: 'AUD',
    });
    expect(draftOf(attribute('plans', 'multi_select'), ['gold'])).toEqual(['gold']);
    expect(draftOf(attribute('is_vip', 'boolean'), false)).toBe(false);
  });
});

describe('valueOfDraft', () => {
  it('reads blank text, no choice and no yes-or-no as no value', () => {
    expect(valueOfDraft(attribute('nickname', 'text'), '  ')).toEqual({ value: null });
    expect(valueOfDraft(attribute('plan', 'single_select'), '')).toEqual({ value: null });
    expect(valueOfDraft(attribute('plans', 'multi_select'), [])).toEqual({ value: null });
    expect(valueOfDraft(attribute('is_vip', 'boolean'), null)).toEqual({ value: null });
    expect(valueOfDraft(attribute('budget', 'money'), { amount: ' ', currency: '' })).toEqual({
      value: null,
    });
  });

  it('sends numbers as numbers, and text that is no number as typed for the API to refuse', () => {
    expect(valueOfDraft(attribute('visits', 'integer'), ' 42 ')).toEqual({ value: 42 });
    expect(valueOfDraft(attribute('score', 'number'), '-1.5')).toEqual({ value: -1.5 });
    expect(valueOfDraft(attribute('score', 'number'), 'lots')).toEqual({ value: 'lots' });
  });

  it('sends a local date and time as the ISO instant it is', () => {
    expect(valueOfDraft(attribute('met_at', 'date_time'), '2024-07-05T10:30')).toEqual({
      value: '2024-07-05T08:30:00.000Z',
    });
  });

  it('parses JSON, and says why text is no JSON', () => {
    expect(valueOfDraft(attribute('extra', 'json'), '{"a": [1, true]}')).toEqual({ value: { a: [1, true] } });
    expect(valueOfDraft(attribute('extra', 'json'), '"text"')).toEqual({ value: 'text' });
    const refused = valueOfDraft(attribute('extra', 'json'), '{a: 1}');
    expect('error' in refused && refused.error).toMatch(/^extra must be valid JSON: /);
  });

  it('sends money with its currency in upper case', () => {
    expect(valueOfDraft(attribute('budget', 'money'), { amount: ' 12.5 ', currency: 'aud' })).toEqual({
      value: { amount: '12.5', currency: 'AUD' },
    });
  });
});

describe('changedValuesOf', () => {
  const nickname = attribute('nickname', 'text');
  const isVip = attribute('is_vip', 'boolean');
  const extra = attribute('extra', 'json');

  it('sends only what changed, an emptied value as null', () => {
    const initial = draftsOf([nickname, isVip, extra], { nickname: 'Ada', extra: { a: 1 } });
    const drafts = { ...initial, nickname: '', is_vip: true };
    expect(changedValuesOf([nickname, isVip, extra], initial, drafts)).toEqual({
      values: { nickname: null, is_vip: true },
      errors: {},
    });
  });

  it('reports JSON that does not parse at the attribute’s path', () => {
    const initial = draftsOf([extra], {});
    const { errors } = changedValuesOf([extra], initial, { extra: '{' });
    expect(Object.keys(errors)).toEqual(['attributes.extra']);
  });
});

describe('defaultValuesOf', () => {
  it('keeps the attributes given a value, at the paths of default values', () => {
    const plan = attribute('plan', 'single_select');
    const extra = attribute('extra', 'json');
    const drafts = { plan: 'gold', is_vip: emptyDraft('boolean'), extra: '[' };
    expect(defaultValuesOf([plan, attribute('is_vip', 'boolean'), extra], drafts)).toEqual({
      values: { plan: 'gold' },
      errors: { 'defaultValues.extra': expect.stringMatching(/^extra must be valid JSON/) as unknown },
    });
  });
});
