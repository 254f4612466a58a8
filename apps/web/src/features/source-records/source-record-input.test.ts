import { describe, expect, it } from 'vitest';
import { addRecordInputOf, identifierQueryProblem, parseAttributesText } from './source-record-input.ts';

const profileId = '00000000-0000-4000-8000-000000000001';

describe('identifierQueryProblem', () => {
  it('accepts a query of four parts, the value holding colons', () => {
    expect(identifierQueryProblem('shop:customer:external_id:a:b:c')).toBeNull();
  });

  it('asks for a query when there is none', () => {
    expect(identifierQueryProblem('  ')).toMatch(/^Enter an identifier query, like /);
  });

  it('says how many parts a short query has', () => {
    expect(identifierQueryProblem('shop:customer:email')).toContain('this one has 3');
  });

  it('names the empty part', () => {
    expect(identifierQueryProblem('shop::email:ada@example.com')).toContain(
      'type of the identifier query is empty',
    );
  });
});

describe('parseAttributesText', () => {
  it('reads blank text as no attributes', () => {
    expect(parseAttributesText(' \n ')).toEqual({ isValid: true, attributes: undefined });
  });

  it('reads a nested JSON object', () => {
    expect(parseAttributesText('{"plan": "gold", "address": {"city": "London", "lines": [1, 2]}}')).toEqual({
      isValid: true,
      attributes: { plan: 'gold', address: { city: 'London', lines: [1, 2] } },
    });
  });

  it('refuses text that is not JSON, saying so', () => {
    const parsed = parseAttributesText('{plan: gold}');
    expect(parsed.isValid).toBe(false);
    expect(!parsed.isValid && parsed.message).toMatch(/^Attributes are not valid JSON: /);
  });

  it.each(['[1, 2]', '"gold"', '42', 'null'])('refuses %s, which is JSON but no object', (text) => {
    expect(parseAttributesText(text)).toEqual({
      isValid: false,
      message: 'Attributes must be a JSON object',
    });
  });

  it('refuses an object nested deeper than a record keeps', () => {
    const deep = `${'{"a":'.repeat(18)}1${'}'.repeat(18)}`;
    const parsed = parseAttributesText(deep);
    expect(!parsed.isValid && parsed.message).toMatch(/nest at most \d+ levels/);
  });
});

describe('addRecordInputOf', () => {
  it('makes the request, a blank name left for the server to derive', () => {
    const result = addRecordInputOf(profileId, {
      identifierQuery: 'shop:customer:email:ada@example.com',
      name: ' ',
      attributes: '{"plan": "gold"}',
    });
    expect(result).toEqual({
      input: {
        profileId,
        identifierQuery: 'shop:customer:email:ada@example.com',
        name: null,
        attributes: { plan: 'gold' },
      },
    });
  });

  it('leaves out attributes that were not given', () => {
    const result = addRecordInputOf(profileId, {
      identifierQuery: 'shop:customer:email:ada@example.com',
      name: 'Ada at the shop',
      attributes: '',
    });
    expect(result).toEqual({
      input: { profileId, identifierQuery: 'shop:customer:email:ada@example.com', name: 'Ada at the shop' },
    });
  });

  it('reports each field that is wrong at that field', () => {
    const result = addRecordInputOf(profileId, {
      identifierQuery: 'shop:customer',
      name: 'n'.repeat(256),
      attributes: '[]',
    });
    expect(result).toEqual({
      errors: {
        fields: {
          identifierQuery: expect.stringContaining('this one has 2') as string,
          name: 'Name must be at most 255 characters',
          attributes: 'Attributes must be a JSON object',
        },
        form: null,
      },
    });
  });
});
