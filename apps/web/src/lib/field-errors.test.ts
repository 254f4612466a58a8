import { createProfileInput } from '@tessera/domain';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { schemaIssues, splitError, splitIssues } from './field-errors.ts';

const fieldNames = ['firstName', 'email'];

function refusedWith(message: string, issues: { path: string; message: string }[]) {
  return TRPCClientError.from({ error: { message, code: -32600, data: { httpStatus: 400, issues } } });
}

describe('schemaIssues', () => {
  it('reports each issue of a failed parse at its dotted path', () => {
    const { error } = createProfileInput.safeParse({ firstName: ' ', email: 'ada@' });
    expect(error && schemaIssues(error)).toEqual([
      { path: 'firstName', message: 'First name is required' },
      { path: 'email', message: 'Enter a valid email address, like name@example.com' },
    ]);
  });

  it('joins nested paths with dots, array indexes included', () => {
    const error = { issues: [{ path: ['addresses', 0, 'city'], message: 'City is required' }] };
    expect(schemaIssues(error)).toEqual([{ path: 'addresses.0.city', message: 'City is required' }]);
  });
});

describe('splitIssues', () => {
  it('puts each issue at the field it names', () => {
    const split = splitIssues(
      [
        { path: 'firstName', message: 'First name is required' },
        { path: 'email', message: 'Enter a valid email address' },
      ],
      fieldNames,
    );
    expect(split).toEqual({
      fields: { firstName: 'First name is required', email: 'Enter a valid email address' },
      form: null,
    });
  });

  it('keeps the first message when a field has several', () => {
    const split = splitIssues(
      [
        { path: 'email', message: 'Email must be at most 254 characters' },
        { path: 'email', message: 'Enter a valid email address' },
      ],
      fieldNames,
    );
    expect(split.fields).toEqual({ email: 'Email must be at most 254 characters' });
  });

  it('joins the issues no field shows into one message for the form', () => {
    const split = splitIssues(
      [
        { path: 'version', message: 'Version must be a number.' },
        { path: 'email', message: 'Enter a valid email address' },
        { path: '', message: 'Send an object.' },
      ],
      fieldNames,
    );
    expect(split).toEqual({
      fields: { email: 'Enter a valid email address' },
      form: 'Version must be a number. Send an object.',
    });
  });

  it('reports nothing for no issues', () => {
    expect(splitIssues([], fieldNames)).toEqual({ fields: {}, form: null });
  });
});

describe('splitError', () => {
  it('shows the server’s issues about the form’s fields at those fields', () => {
    const error = refusedWith('Taken', [
      { path: 'email', message: 'Another profile has this email already' },
    ]);
    expect(splitError(error, fieldNames)).toEqual({
      fields: { email: 'Another profile has this email already' },
      form: null,
    });
  });

  it('shows the server’s issues about other inputs for the whole form', () => {
    const error = refusedWith('id: Invalid id', [{ path: 'id', message: 'Invalid id' }]);
    expect(splitError(error, fieldNames)).toEqual({ fields: {}, form: 'Invalid id' });
  });

  it('shows the error’s own message for the whole form when it names no input', () => {
    const error = refusedWith('You may not change profiles', []);
    expect(splitError(error, fieldNames)).toEqual({ fields: {}, form: 'You may not change profiles' });
  });

  it('asks to check the connection when the server did not answer', () => {
    const error = TRPCClientError.from(new TypeError('Failed to fetch'));
    expect(splitError(error, fieldNames)).toEqual({
      fields: {},
      form: 'Could not reach the Tessera server. Check your connection and try again.',
    });
  });
});
