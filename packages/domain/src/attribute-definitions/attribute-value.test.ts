import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../shared/errors.ts';
import type { JsonValue } from '../shared/json.ts';
import {
  attributeDataTypes,
  mayBreakStoredValues,
  type AttributeDataType,
  type DefinitionRules,
} from './attribute-definition.ts';
import { attributeValue, checkedValues } from './attribute-value.ts';
import { definitionRules } from './definition-rules.testing.ts';

function definition(dataType: AttributeDataType, rules: Partial<DefinitionRules> = {}): DefinitionRules {
  return definitionRules('pet_name', dataType, { label: 'Pet name', ...rules });
}

const options = [
  { value: 'red', label: 'Red' },
  { value: 'green', label: 'Green' },
  { value: 'blue', label: 'Blue' },
];

/** Values each data type takes, as a client or an outside system would send them. */
const validValues: Record<AttributeDataType, fc.Arbitrary<JsonValue>> = {
  text: fc.string({ minLength: 1, maxLength: 200 }).filter((text) => text.trim() !== ''),
  long_text: fc.string({ minLength: 1, maxLength: 2000 }).filter((text) => text.trim() !== ''),
  number: fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer().map((number) => `${number}.25`),
  ),
  integer: fc.oneof(fc.maxSafeInteger(), fc.integer().map(String)),
  boolean: fc.oneof(fc.boolean(), fc.constantFrom('true', 'FALSE', ' True ')),
  date: fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString().slice(0, 10)),
  date_time: fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T00:00:00Z'),
      noInvalidDate: true,
    })
    .map((date) => date.toISOString()),
  email: fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), fc.stringMatching(/^[a-z0-9]{1,20}$/))
    .map(([local, domain]) => `${local}@${domain}.example`),
  phone: fc.constantFrom('+61 412 323 123', '+14155552671', '+44 20 7946 0958'),
  url: fc.webUrl({ validSchemes: ['http', 'https'] }).filter((url) => url.length <= 2048),
  money: fc
    .tuple(
      fc.constantFrom(['AUD', 2] as const, ['usd', 2] as const, ['JPY', 0] as const, ['BHD', 3] as const),
      fc.integer({ min: -1_000_000, max: 1_000_000 }),
      fc.boolean(),
    )
    .map(([[currency, digits], minor, isText]) => {
      const amount = minor / 10 ** digits;
      return { amount: isText ? amount.toFixed(digits) : amount, currency };
    }),
  single_select: fc.constantFrom('red', 'green', 'blue'),
  multi_select: fc.uniqueArray(fc.constantFrom('red', 'green', 'blue'), { minLength: 1 }),
  json: fc.jsonValue({ maxDepth: 3 }).filter((value) => value !== null) as fc.Arbitrary<JsonValue>,
};

function definitionOf(dataType: AttributeDataType): DefinitionRules {
  return definition(dataType, dataType.endsWith('select') ? { options } : {});
}

function isRefused(action: () => unknown): boolean {
  try {
    action();
    return false;
  } catch (error) {
    expect(error).toMatchObject({
      code: 'INVALID_ATTRIBUTE_VALUE',
      path: 'attributes.pet_name',
      details: { attribute: 'pet_name' },
    });
    expect((error as DomainError).message).toMatch(/^Pet name /);
    return true;
  }
}

describe('attribute values', () => {
  it('accept the values of each data type, and what they output they accept as it is', () => {
    for (const dataType of attributeDataTypes) {
      const spec = definitionOf(dataType);
      fc.assert(
        fc.property(validValues[dataType], (value) => {
          const typed = attributeValue(spec, value);
          expect(attributeValue(spec, typed)).toEqual(typed);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('answer any JSON value with a typed value or an error naming the attribute, never anything else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...attributeDataTypes), fc.jsonValue(), (dataType, value) => {
        const spec = definitionOf(dataType);
        if (!isRefused(() => attributeValue(spec, value as JsonValue))) expect(value).not.toBeNull();
      }),
      { numRuns: 2000 },
    );
  });

  it('type what they keep: numbers from text, lower-case emails, E.164 phones, UTC times', () => {
    expect(attributeValue(definition('number'), ' 12.50 ')).toBe(12.5);
    expect(attributeValue(definition('integer'), '-42')).toBe(-42);
    expect(attributeValue(definition('boolean'), 'TRUE')).toBe(true);
    expect(attributeValue(definition('text'), '  Rex  ')).toBe('Rex');
    expect(attributeValue(definition('email'), ' Ada@Example.COM')).toBe('ada@example.com');
    expect(attributeValue(definition('phone'), '+61 412 323 123')).toBe('+61412323123');
    expect(attributeValue(definition('date_time'), '2024-05-01T19:30:00+10:00')).toBe(
      '2024-05-01T09:30:00.000Z',
    );
    expect(attributeValue(definition('multi_select', { options }), ['red', 'blue', 'red'])).toEqual([
      'red',
      'blue',
    ]);
  });

  it('write money with the decimal places of its currency, and refuse more', () => {
    const money = definition('money');
    expect(attributeValue(money, { amount: 12.5, currency: 'aud' })).toEqual({
      amount: '12.50',
      currency: 'AUD',
    });
    expect(attributeValue(money, { amount: '1200', currency: 'JPY' })).toEqual({
      amount: '1200',
      currency: 'JPY',
    });
    expect(attributeValue(money, { amount: '-0.000', currency: 'BHD' })).toEqual({
      amount: '0.000',
      currency: 'BHD',
    });
    expect(isRefused(() => attributeValue(money, { amount: '12.345', currency: 'AUD' }))).toBe(true);
    expect(isRefused(() => attributeValue(money, { amount: '12', currency: 'XXX' }))).toBe(true);
    expect(isRefused(() => attributeValue(money, { amount: '12', currency: 'AUD', note: 'x' }))).toBe(true);
  });

  it('refuse what does not fit the type', () => {
    const refusals: [AttributeDataType, JsonValue][] = [
      ['text', '   '],
      ['text', 12],
      ['number', 'twelve'],
      ['number', '1e5'],
      ['integer', 1.5],
      ['integer', 2 ** 60],
      ['boolean', 'yes'],
      ['date', '2023-02-29'],
      ['date', '0000-01-01'],
      ['date_time', '2024-05-01T09:30:00'],
      ['email', 'not an email'],
      ['phone', '0412 323 123'],
      ['url', 'ftp://example.com/file'],
      ['single_select', 'purple'],
      ['multi_select', []],
      ['multi_select', ['red', 'purple']],
      ['json', 'x'.repeat(20_001)],
    ];
    for (const [dataType, value] of refusals) {
      expect(
        isRefused(() => attributeValue(definitionOf(dataType), value)),
        `${dataType} ${JSON.stringify(value)}`,
      ).toBe(true);
    }
    expect(isRefused(() => attributeValue(definition('text'), null))).toBe(true);
  });

  it('keep a number inside its bounds, inclusive', () => {
    const bounded = definition('number', { min: -5, max: 10 });
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (number) => {
        expect(isRefused(() => attributeValue(bounded, number))).toBe(number < -5 || number > 10);
      }),
    );
  });

  it('keep a text inside its length and pattern, matched whole', () => {
    const code = definition('text', { minLength: 5, maxLength: 5, pattern: '[A-Z]{2}[0-9]{3}' });
    expect(attributeValue(code, 'AB123')).toBe('AB123');
    for (const value of ['AB1234', 'ab123', 'AB12', 'XAB123'])
      expect(isRefused(() => attributeValue(code, value))).toBe(true);
  });

  it('match a pattern in time linear in the text, whatever the pattern', () => {
    const nested = definition('long_text', { pattern: null });
    const catastrophic = definition('text', { pattern: '(a+)+$' });
    const started = performance.now();
    expect(isRefused(() => attributeValue(catastrophic, `${'a'.repeat(999)}!`))).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(attributeValue(nested, 'a'.repeat(20_000))).toHaveLength(20_000);
  });
});

describe('checked values', () => {
  const petName = definition('text', { isRequired: true });
  const age = definition('integer', { slug: 'age', label: 'Age', isRequired: true });
  const book = definition('text', { slug: 'favorite_book', label: 'Favorite book' });

  it('check and type each value of a defined attribute, and keep the values of others as they are', () => {
    expect(
      checkedValues([petName, age, book], { pet_name: ' Rex ', age: '7', old_attribute: { any: 'thing' } }),
    ).toEqual({ pet_name: 'Rex', age: 7, old_attribute: { any: 'thing' } });
  });

  it('name every required attribute without a value', () => {
    expect(() => checkedValues([petName, age, book], { pet_name: null, favorite_book: 'Dune' })).toThrow(
      expect.objectContaining({
        code: 'ATTRIBUTE_REQUIRED',
        path: 'attributes.pet_name',
        details: { missing: 'pet_name,age' },
      }) as DomainError,
    );
  });
});

describe('changes to a definition', () => {
  /** Definitions of each type with rules drawn at random, where the type takes them. */
  const definitions: fc.Arbitrary<DefinitionRules> = fc
    .record({
      dataType: fc.constantFrom(...attributeDataTypes),
      bounds: fc.option(fc.tuple(fc.integer({ min: -50, max: 0 }), fc.integer({ min: 0, max: 50 }))),
      maxLength: fc.option(fc.integer({ min: 1, max: 300 })),
      options: fc.subarray(options, { minLength: 1 }),
    })
    .map(({ dataType, bounds, maxLength, options: chosen }) => {
      const isNumeric = dataType === 'number' || dataType === 'integer' || dataType === 'money';
      const isText = dataType === 'text' || dataType === 'long_text';
      return definition(dataType, {
        min: isNumeric ? (bounds?.[0] ?? null) : null,
        max: isNumeric ? (bounds?.[1] ?? null) : null,
        maxLength: isText ? maxLength : null,
        options: dataType.endsWith('select') ? chosen : [],
      });
    });

  it('that cannot break stored values leave every value valid under the old definition valid', () => {
    fc.assert(
      fc.property(
        definitions,
        definitions,
        fc.oneof(...attributeDataTypes.map((dataType) => validValues[dataType])),
        (before, after, value) => {
          let stored: JsonValue;
          try {
            stored = attributeValue(before, value);
          } catch {
            return;
          }
          if (!mayBreakStoredValues(before, after))
            expect(isRefused(() => attributeValue(after, stored))).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('count a change of type that is not a widening, a bound moved in or an option taken away as breaking', () => {
    expect(mayBreakStoredValues(definition('text'), definition('integer'))).toBe(true);
    expect(mayBreakStoredValues(definition('integer'), definition('number'))).toBe(false);
    expect(mayBreakStoredValues(definition('email'), definition('text'))).toBe(false);
    expect(mayBreakStoredValues(definition('number', { max: 10 }), definition('number', { max: 5 }))).toBe(
      true,
    );
    expect(mayBreakStoredValues(definition('number', { max: 5 }), definition('number', { max: 10 }))).toBe(
      false,
    );
    expect(
      mayBreakStoredValues(
        definition('single_select', { options }),
        definition('single_select', { options: options.slice(1) }),
      ),
    ).toBe(true);
    expect(mayBreakStoredValues(definition('text'), definition('text', { pattern: '[a-z]+' }))).toBe(true);
  });
});
