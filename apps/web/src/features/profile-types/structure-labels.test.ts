import { attributeSlugSchema, slugSchema } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import { byObjectKind, kebabSlugOf, snakeSlugOf } from './structure-labels.ts';

describe('kebabSlugOf', () => {
  it('joins the words of a title with -, in lower case without accents', () => {
    expect(kebabSlugOf('Customer Profile')).toBe('customer-profile');
    expect(kebabSlugOf('  Café & Bar — VIP  ')).toBe('cafe-bar-vip');
    expect(kebabSlugOf('2024 Members')).toBe('2024-members');
  });

  it('gives slugs the domain accepts, at most 64 characters of whole words', () => {
    const long = kebabSlugOf('Members of the very long running loyalty programme for the whole region');
    expect(long).toBe('members-of-the-very-long-running-loyalty-programme-for-the-whole');
    expect(slugSchema('Slug').safeParse(long).success).toBe(true);
    expect(kebabSlugOf('x'.repeat(80))).toHaveLength(64);
  });

  it('suggests nothing for a title without letters or digits', () => {
    expect(kebabSlugOf(' — ')).toBe('');
  });
});

describe('snakeSlugOf', () => {
  it('joins the words of a label with _, starting with a letter', () => {
    expect(snakeSlugOf('Pet name')).toBe('pet_name');
    expect(snakeSlugOf('Monthly expenses (AUD)')).toBe('monthly_expenses_aud');
    expect(snakeSlugOf('2nd Pet’s name')).toBe('nd_pet_s_name');
    expect(snakeSlugOf('2024 plan')).toBe('plan');
  });

  it('gives slugs the domain accepts for an attribute', () => {
    for (const label of ['Pet name', 'Ünïcödé fïeld', '42 is the answer', 'A b c 1 2 3']) {
      expect(attributeSlugSchema.safeParse(snakeSlugOf(label)).success).toBe(true);
    }
  });
});

describe('byObjectKind', () => {
  it('groups items under contacts, organizations and users, in that order, each group kept in order', () => {
    const items = [
      { id: 'u1', objectKind: 'users' as const },
      { id: 'c1', objectKind: 'contacts' as const },
      { id: 'c2', objectKind: 'contacts' as const },
    ];
    expect(byObjectKind(items)).toEqual([
      { kind: 'contacts', items: [items[1], items[2]] },
      { kind: 'organizations', items: [] },
      { kind: 'users', items: [items[0]] },
    ]);
  });
});
