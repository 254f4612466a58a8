import type { IncomingHttpHeaders } from 'node:http';

/**
 * The media type of a request's body, lower-cased and without parameters, or undefined when the
 * request names none. Media types are case-insensitive (RFC 9110, 8.3.1): `APPLICATION/JSON;
 * charset=utf-8` is JSON.
 */
export function mediaTypeOf(headers: IncomingHttpHeaders): string | undefined {
  const header = headers['content-type'];
  if (header === undefined) return undefined;
  const end = header.indexOf(';');
  return (end === -1 ? header : header.slice(0, end)).trim().toLowerCase();
}

export function isJsonBody(headers: IncomingHttpHeaders): boolean {
  return mediaTypeOf(headers) === 'application/json';
}
