import { DomainError } from '../shared/errors.ts';
import { identifierTypeLengthMax, identifierValueLengthMax, sourceLengthMax } from './source-record.ts';

/**
 * The address of a source record (003: identifier queries):
 * `source:type:identifier_type:identifier_value`.
 */
export interface IdentifierQuery {
  source: string;
  type: string;
  identifierType: string;
  identifierValue: string;
}

export const identifierQueryLengthMax = 1024;

const partNames = ['source', 'type', 'identifier type', 'identifier value'] as const;
const partLengthsMax = [sourceLengthMax, sourceLengthMax, identifierTypeLengthMax, identifierValueLengthMax];

function invalid(message: string): DomainError {
  return new DomainError('INVALID_IDENTIFIER_QUERY', message, { path: 'identifierQuery' });
}

/**
 * Reads an identifier query. The first three parts end at an unescaped colon, and write a colon as
 * `\:` and a backslash as `\\`; the value is the rest, taken as it is, colons included. Each part is
 * trimmed, and none may be empty or longer than a record's field allows. Throws
 * INVALID_IDENTIFIER_QUERY, saying what is wrong.
 */
export function parseIdentifierQuery(text: string): IdentifierQuery {
  const parts: string[] = [];
  let part = '';
  let index = 0;
  while (parts.length < 3 && index < text.length) {
    const char = text[index] ?? '';
    if (char === '\\') {
      const escaped = text[index + 1];
      if (escaped !== ':' && escaped !== '\\') {
        throw invalid(
          `The ${partNames[parts.length]} of the identifier query has a backslash that escapes nothing: ` +
            'write a colon as \\: and a backslash as \\\\',
        );
      }
      part += escaped;
      index += 2;
    } else if (char === ':') {
      parts.push(part);
      part = '';
      index += 1;
    } else {
      part += char;
      index += 1;
    }
  }
  if (parts.length < 3) {
    throw invalid(
      `An identifier query has four parts, source:type:identifier_type:identifier_value; this one has ${parts.length + 1}`,
    );
  }
  parts.push(text.slice(index));
  const trimmed = parts.map((each) => each.trim());
  trimmed.forEach((each, position) => {
    if (each === '') throw invalid(`The ${partNames[position]} of the identifier query is empty`);
    const max = partLengthsMax[position] ?? 0;
    if (each.length > max) {
      throw invalid(`The ${partNames[position]} of the identifier query must be at most ${max} characters`);
    }
  });
  const [source = '', type = '', identifierType = '', identifierValue = ''] = trimmed;
  return { source, type, identifierType, identifierValue };
}

function escapePart(part: string): string {
  return part.replace(/[\\:]/g, (char) => `\\${char}`);
}

/** The text of an identifier query, as `parseIdentifierQuery` reads it back. */
export function formatIdentifierQuery(query: IdentifierQuery): string {
  return [
    escapePart(query.source),
    escapePart(query.type),
    escapePart(query.identifierType),
    query.identifierValue,
  ].join(':');
}
