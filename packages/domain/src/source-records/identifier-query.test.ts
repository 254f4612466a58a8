import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.ts';
import { formatIdentifierQuery, parseIdentifierQuery, type IdentifierQuery } from './identifier-query.ts';

function failureOf(text: string): { code: string; path: string | undefined; message: string } {
  try {
    parseIdentifierQuery(text);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, path: error.path, message: error.message };
    throw error;
  }
  throw new Error(`${text} was read`);
}

const part = fc
  .string({
    unit: fc.constantFrom('a', 'B', '1', ':', '\\', ' ', '@', '.', 'é'),
    minLength: 1,
    maxLength: 40,
  })
  .map((text) => text.trim())
  .filter((text) => text !== '');
const query = fc.record({ source: part, type: part, identifierType: part, identifierValue: part });

describe('identifier queries', () => {
  it('read the four parts of the reference examples', () => {
    expect(parseIdentifierQuery('mysystem:customer:system_id:abc123')).toEqual({
      source: 'mysystem',
      type: 'customer',
      identifierType: 'system_id',
      identifierValue: 'abc123',
    });
    expect(parseIdentifierQuery('mycontacts:default:email:jane@example.com').identifierValue).toBe(
      'jane@example.com',
    );
  });

  it('take a value with colons as it is', () => {
    expect(parseIdentifierQuery('web:visitor:url:https://example.com:8080/a:b')).toMatchObject({
      identifierType: 'url',
      identifierValue: 'https://example.com:8080/a:b',
    });
    expect(parseIdentifierQuery('a:b:c:\\x').identifierValue).toBe('\\x');
  });

  it('read escaped colons and backslashes in the first three parts', () => {
    expect(parseIdentifierQuery('my\\:system:a\\\\b:id\\::v')).toEqual({
      source: 'my:system',
      type: 'a\\b',
      identifierType: 'id:',
      identifierValue: 'v',
    });
  });

  it('refuse missing parts, saying how many there are', () => {
    for (const [text, count] of [
      ['', 1],
      ['acme', 1],
      ['acme:customer', 2],
      ['acme:customer:email', 3],
      ['acme\\:customer:email:x', 3],
    ] as const) {
      expect(failureOf(text)).toEqual({
        code: 'INVALID_IDENTIFIER_QUERY',
        path: 'identifierQuery',
        message: `An identifier query has four parts, source:type:identifier_type:identifier_value; this one has ${count}`,
      });
    }
  });

  it('refuse an empty or blank part, naming it', () => {
    expect(failureOf(':customer:email:x').message).toMatch(/source of the identifier query is empty/);
    expect(failureOf('acme: :email:x').message).toMatch(/type of the identifier query is empty/);
    expect(failureOf('acme::email:x').message).toMatch(/type of the identifier query is empty/);
    expect(failureOf('acme:customer::x').message).toMatch(/identifier type of the identifier query is empty/);
    expect(failureOf('acme:customer:email:').message).toMatch(
      /identifier value of the identifier query is empty/,
    );
  });

  it('refuse a backslash that escapes nothing, and one at the end', () => {
    expect(failureOf('ac\\me:customer:email:x').message).toMatch(/source .* backslash that escapes nothing/);
    expect(failureOf('acme:customer:em\\ail:x').message).toMatch(/identifier type .* backslash/);
    expect(failureOf('acme\\').code).toBe('INVALID_IDENTIFIER_QUERY');
  });

  it('read back what they format', () => {
    fc.assert(
      fc.property(query, (written: IdentifierQuery) => {
        expect(parseIdentifierQuery(formatIdentifierQuery(written))).toEqual(written);
      }),
    );
  });

  it('trim each part', () => {
    expect(parseIdentifierQuery(' acme : customer :email: Jane ')).toEqual({
      source: 'acme',
      type: 'customer',
      identifierType: 'email',
      identifierValue: 'Jane',
    });
  });

  it('refuse a part longer than a record allows, naming it', () => {
    expect(failureOf(`${'s'.repeat(65)}:customer:email:x`).message).toBe(
      'The source of the identifier query must be at most 64 characters',
    );
    expect(failureOf(`acme:customer:email:${'v'.repeat(256)}`).message).toBe(
      'The identifier value of the identifier query must be at most 255 characters',
    );
  });

  it('format what they read as it was written, but for the spaces around parts', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', '\\', 'x', ' ') }), (text) => {
        let read: IdentifierQuery;
        try {
          read = parseIdentifierQuery(text);
        } catch (error) {
          expect(error).toMatchObject({ code: 'INVALID_IDENTIFIER_QUERY', path: 'identifierQuery' });
          return;
        }
        const written = formatIdentifierQuery(read);
        expect(written.replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
        expect(parseIdentifierQuery(written)).toEqual(read);
      }),
    );
  });

  it('fail only with INVALID_IDENTIFIER_QUERY on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        try {
          const read = parseIdentifierQuery(text);
          const parts = [read.source, read.type, read.identifierType, read.identifierValue];
          expect(parts.every((each) => each.length > 0)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(DomainError);
          expect(error).toMatchObject({ code: 'INVALID_IDENTIFIER_QUERY' });
        }
      }),
    );
  });
});
