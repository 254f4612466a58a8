// @vitest-environment happy-dom
import { createProfileInput } from '@tessera/domain';
import { TRPCClientError } from '@trpc/client';
import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { schemaIssues } from '../../lib/field-errors.ts';
import { withAddressAdded } from './profile-form.addresses.ts';
import { emptyProfileValues, profileInputOf, type ProfileFormValues } from './profile-form.fields.ts';
import { useProfileForm } from './use-profile-form.ts';

afterEach(cleanup);

const ada: ProfileFormValues = {
  ...emptyProfileValues,
  firstName: 'Ada',
  middleName: '',
  lastName: 'Lovelace',
  email: 'ada@',
};

function renderForm(initial: ProfileFormValues = ada) {
  return renderHook(() => useProfileForm(initial)).result;
}

function issuesOfCreating(values: ProfileFormValues) {
  const { error } = createProfileInput.safeParse(profileInputOf(values));
  return error ? schemaIssues(error) : [];
}

describe('useProfileForm', () => {
  it('starts with the given values, no errors and no refused submit', () => {
    const form = renderForm(emptyProfileValues);
    expect(form.current.values).toEqual(emptyProfileValues);
    expect(form.current.errors).toEqual({ fields: {}, form: null });
    expect(form.current.attempt).toBe(0);
  });

  it('changes the value of one field only', () => {
    const form = renderForm();
    act(() => form.current.change('lastName', 'Byron'));
    expect(form.current.values).toEqual({ ...ada, lastName: 'Byron' });
  });

  it('shows the domain’s issues at their fields and counts the refused submit', () => {
    const form = renderForm({ ...ada, firstName: ' ' });
    act(() => form.current.refuseIssues(issuesOfCreating(form.current.values)));
    expect(form.current.errors).toEqual({
      fields: {
        firstName: 'First name is required',
        email: 'Enter a valid email address, like name@example.com',
      },
      form: null,
    });
    expect(form.current.attempt).toBe(1);
  });

  it('shows issues about inputs the form has no field for above the fields', () => {
    const form = renderForm();
    act(() => form.current.refuseIssues([{ path: 'version', message: 'Version must be at least 1' }]));
    expect(form.current.errors).toEqual({ fields: {}, form: 'Version must be at least 1' });
  });

  it('shows the server’s refusal at the field it names and counts each refused submit', () => {
    const taken = TRPCClientError.from({
      error: {
        message: 'Another profile has this email already',
        code: -32600,
        data: {
          domainCode: 'PROFILE_EMAIL_TAKEN',
          httpStatus: 409,
          issues: [{ path: 'email', message: 'Another profile has this email already' }],
        },
      },
    });
    const form = renderForm();
    act(() => form.current.refuseError(taken));
    act(() => form.current.refuseError(taken));
    expect(form.current.errors.fields).toEqual({ email: 'Another profile has this email already' });
    expect(form.current.attempt).toBe(2);
  });

  it('shows the server’s refusal of an address at the address’s field', () => {
    const refused = TRPCClientError.from({
      error: {
        message: 'addresses.1.line1: Address line 1 is required',
        code: -32600,
        data: {
          domainCode: 'INVALID_FIELD',
          httpStatus: 400,
          issues: [{ path: 'addresses.1.line1', message: 'Address line 1 is required' }],
        },
      },
    });
    const form = renderForm({ ...ada, addresses: withAddressAdded(withAddressAdded([])) });
    act(() => form.current.refuseError(refused));
    expect(form.current.errors).toEqual({
      fields: { 'addresses.1.line1': 'Address line 1 is required' },
      form: null,
    });
  });

  it('drops the error of an address field as it is edited, and of all addresses as one is removed', () => {
    const form = renderForm({ ...ada, addresses: withAddressAdded(withAddressAdded([])) });
    act(() => form.current.refuseIssues(issuesOfCreating(form.current.values)));
    expect(Object.keys(form.current.errors.fields)).toEqual([
      'email',
      'addresses.0.line1',
      'addresses.1.line1',
    ]);
    act(() =>
      form.current.changeAddresses(
        (addresses) =>
          addresses.map((address, index) => (index === 0 ? { ...address, line1: 'Ockham Park' } : address)),
        'addresses.0.line1',
      ),
    );
    expect(form.current.values.addresses[0]?.line1).toBe('Ockham Park');
    expect(form.current.errors.fields['addresses.0.line1']).toBeUndefined();
    expect(form.current.errors.fields['addresses.1.line1']).toBe('Address line 1 is required');
    act(() => form.current.changeAddresses((addresses) => addresses.slice(0, 1)));
    expect(form.current.errors.fields).toEqual({
      email: 'Enter a valid email address, like name@example.com',
    });
  });

  it('drops the error of a field as it is edited and keeps the others', () => {
    const form = renderForm({ ...ada, firstName: '' });
    act(() =>
      form.current.refuseIssues([
        ...issuesOfCreating(form.current.values),
        { path: 'version', message: 'Version must be at least 1' },
      ]),
    );
    act(() => form.current.change('email', 'ada@example.com'));
    expect(form.current.errors).toEqual({
      fields: { firstName: 'First name is required', email: undefined },
      form: 'Version must be at least 1',
    });
  });

  it('clears the errors and keeps the values', () => {
    const form = renderForm();
    act(() => form.current.refuseIssues(issuesOfCreating(form.current.values)));
    act(() => form.current.clearErrors());
    expect(form.current.errors).toEqual({ fields: {}, form: null });
    expect(form.current.values).toEqual(ada);
  });

  it('resets to new values without the errors of the old ones', () => {
    const form = renderForm();
    act(() => form.current.refuseIssues(issuesOfCreating(form.current.values)));
    const latest = { ...ada, firstName: 'Augusta', email: 'ada@example.com' };
    act(() => form.current.reset(latest));
    expect(form.current.values).toEqual(latest);
    expect(form.current.errors).toEqual({ fields: {}, form: null });
  });
});
