import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import {
  asApiError,
  domainCodeOf,
  hasDomainCode,
  isClientError,
  isUnauthenticated,
  issuesOf,
  messageOf,
} from './api-errors.ts';

/** An error as the client makes it from the server's answer; only the data the helpers read is filled in. */
function answered(message: string, data: object) {
  return TRPCClientError.from({ error: { message, code: -32600, data } });
}

/** The error the client makes when no answer came back at all. */
const unreachable = TRPCClientError.from(new TypeError('Failed to fetch'));

describe('asApiError', () => {
  it('returns an error that came through the tRPC client', () => {
    const error = answered('Profile not found', { httpStatus: 404 });
    expect(asApiError(error)).toBe(error);
  });

  it('returns null for any other error', () => {
    expect(asApiError(new Error('boom'))).toBeNull();
    expect(asApiError('boom')).toBeNull();
    expect(asApiError(undefined)).toBeNull();
  });
});

describe('domainCodeOf', () => {
  it('returns the domain code the server gave', () => {
    expect(domainCodeOf(answered('Taken', { domainCode: 'PROFILE_EMAIL_TAKEN' }))).toBe(
      'PROFILE_EMAIL_TAKEN',
    );
  });

  it('returns null when the server gave none or did not answer', () => {
    expect(domainCodeOf(answered('Bad input', { domainCode: null }))).toBeNull();
    expect(domainCodeOf(unreachable)).toBeNull();
    expect(domainCodeOf(new Error('boom'))).toBeNull();
  });
});

describe('hasDomainCode', () => {
  it('tells whether the error carries the given domain code', () => {
    const conflict = answered('Changed', { domainCode: 'PROFILE_VERSION_CONFLICT' });
    expect(hasDomainCode(conflict, 'PROFILE_VERSION_CONFLICT')).toBe(true);
    expect(hasDomainCode(conflict, 'PROFILE_NOT_FOUND')).toBe(false);
    expect(hasDomainCode(unreachable, 'PROFILE_VERSION_CONFLICT')).toBe(false);
  });
});

describe('isClientError', () => {
  it.each([400, 401, 404, 409, 429, 499])('holds for HTTP status %i', (httpStatus) => {
    expect(isClientError(answered('Refused', { httpStatus }))).toBe(true);
  });

  it.each([500, 502, 399])('does not hold for HTTP status %i', (httpStatus) => {
    expect(isClientError(answered('Failed', { httpStatus }))).toBe(false);
  });

  it('does not hold when the server did not answer', () => {
    expect(isClientError(unreachable)).toBe(false);
    expect(isClientError(new Error('boom'))).toBe(false);
  });
});

describe('isUnauthenticated', () => {
  it('holds when nobody is signed in', () => {
    expect(isUnauthenticated(answered('Sign in', { domainCode: 'UNAUTHENTICATED', httpStatus: 401 }))).toBe(
      true,
    );
  });

  it('does not hold for wrong credentials', () => {
    const wrongPassword = answered('Wrong', { domainCode: 'INVALID_CREDENTIALS', httpStatus: 401 });
    expect(isUnauthenticated(wrongPassword)).toBe(false);
  });
});

describe('issuesOf', () => {
  it('returns the field issues the server reported', () => {
    const issues = [{ path: 'email', message: 'Another profile has this email already' }];
    expect(issuesOf(answered('Taken', { issues }))).toEqual(issues);
  });

  it('returns no issues when the server did not answer', () => {
    expect(issuesOf(unreachable)).toEqual([]);
    expect(issuesOf(new Error('boom'))).toEqual([]);
  });
});

describe('messageOf', () => {
  it('returns the server’s message when it answered', () => {
    expect(messageOf(answered('Profile not found', { httpStatus: 404 }))).toBe('Profile not found');
  });

  it('asks to check the connection when no answer came', () => {
    const connection = 'Could not reach the Tessera server. Check your connection and try again.';
    expect(messageOf(unreachable)).toBe(connection);
    expect(messageOf(new Error('boom'))).toBe(connection);
  });
});
