import { describe, expect, it } from 'vitest';
import { attributeChangeOf, attributeValueText, emptyAttributeDraft } from './membership-attribute.values.ts';

const draft = (fields: Partial<typeof emptyAttributeDraft>) => ({ ...emptyAttributeDraft, ...fields });

describe('an attribute drafted for a membership', () => {
  it('becomes the change that sets its key to text, a number or yes/no', () => {
    expect(attributeChangeOf(draft({ key: ' role ', value: 'Buyer' }))).toEqual({
      change: { role: 'Buyer' },
    });
    expect(attributeChangeOf(draft({ key: 'seats', kind: 'number', value: ' 4.5 ' }))).toEqual({
      change: { seats: 4.5 },
    });
    expect(attributeChangeOf(draft({ key: 'is_billing', kind: 'boolean', value: 'true' }))).toEqual({
      change: { is_billing: true },
    });
    expect(attributeChangeOf(draft({ key: 'is_billing', kind: 'boolean', value: 'false' }))).toEqual({
      change: { is_billing: false },
    });
  });

  it('is refused at the key when it is missing or not lower snake case', () => {
    expect(attributeChangeOf(draft({ value: 'x' }))).toEqual({ errors: { key: 'Key is required' } });
    const refused = attributeChangeOf(draft({ key: 'Billing-Role', value: 'x' }));
    expect(refused).toEqual({ errors: { key: expect.stringContaining('lower snake case') as string } });
  });

  it('is refused at the value when it is missing, not a number, or too long', () => {
    expect(attributeChangeOf(draft({ key: 'role' }))).toEqual({ errors: { value: 'Value is required' } });
    expect(attributeChangeOf(draft({ key: 'seats', kind: 'number', value: 'four' }))).toEqual({
      errors: { value: 'Enter a number, like 12 or 4.5' },
    });
    expect(attributeChangeOf(draft({ key: 'seats', kind: 'number', value: '' }))).toEqual({
      errors: { value: 'Enter a number, like 12 or 4.5' },
    });
    expect(attributeChangeOf(draft({ key: 'note', value: 'x'.repeat(1001) }))).toEqual({
      errors: { value: 'A value must be at most 1000 characters' },
    });
  });

  it('names both fields when both are wrong', () => {
    const refused = attributeChangeOf(draft({ key: '', kind: 'number', value: 'x' }));
    expect(Object.keys('errors' in refused ? refused.errors : {}).sort()).toEqual(['key', 'value']);
  });
});

describe('an attribute value as shown', () => {
  it('reads yes and no for true and false, and numbers and text as they are', () => {
    expect(attributeValueText(true)).toBe('Yes');
    expect(attributeValueText(false)).toBe('No');
    expect(attributeValueText(3)).toBe('3');
    expect(attributeValueText('Buyer')).toBe('Buyer');
  });
});
