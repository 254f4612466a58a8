// @vitest-environment happy-dom
import type { FieldIssue } from '@tessera/api';
import { createProfileInput } from '@tessera/domain';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { schemaIssues } from '../../lib/field-errors.ts';
import { ProfileForm } from './profile-form.tsx';
import {
  emptyProfileValues,
  genderChoices,
  lifecycleChoices,
  profileFields,
  profileInputOf,
  type ProfileFormValues,
} from './profile-form.fields.ts';
import type { ProfileChoices } from './use-profile-choices.ts';
import { useProfileForm } from './use-profile-form.ts';

afterEach(cleanup);

const choices: ProfileChoices = {
  genders: genderChoices,
  lifecycles: lifecycleChoices,
  countries: [{ value: '036', label: 'Australia' }],
  currencies: [{ value: 'AUD', label: 'AUD' }],
  locations: [{ value: 'loc-1', label: 'Sydney (SYD-01)' }],
  statuses: [
    { value: 'staff', label: 'Staff' },
    { value: 'vip', label: 'VIP' },
  ],
};

const textKinds: readonly string[] = ['text', 'list', 'number', 'email', 'tel', 'url'];

interface HarnessProps {
  onSubmit: (values: ProfileFormValues) => void;
  /** What refuses a submit; by default the domain's schema, as the new profile page does */
  issuesOf?: (values: ProfileFormValues) => FieldIssue[];
  isPending?: boolean;
}

function domainIssuesOf(values: ProfileFormValues): FieldIssue[] {
  const { error } = createProfileInput.safeParse(profileInputOf(values));
  return error ? schemaIssues(error) : [];
}

function Harness({ onSubmit, issuesOf = domainIssuesOf, isPending = false }: HarnessProps) {
  const form = useProfileForm(emptyProfileValues);
  return (
    <MemoryRouter>
      <ProfileForm
        form={form}
        submitLabel="Create profile"
        pendingLabel="Creating…"
        isPending={isPending}
        cancelTo="/profiles"
        choices={choices}
        onSubmit={(values) => {
          onSubmit(values);
          const issues = issuesOf(values);
          if (issues.length > 0) form.refuseIssues(issues);
        }}
      />
    </MemoryRouter>
  );
}

function input(label: string): HTMLInputElement {
  return screen.getByLabelText<HTMLInputElement>(label);
}

function type(label: string, value: string) {
  fireEvent.change(input(label), { target: { value } });
}

function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('ProfileForm', () => {
  it('shows a labelled input for every field, saying which ones are optional', () => {
    render(<Harness onSubmit={vi.fn()} />);
    expect(input('First name').id).toBe('firstName');
    expect(input('Middle name (optional)').id).toBe('middleName');
    expect(input('Last name (optional)').id).toBe('lastName');
    expect(input('Email (optional)').id).toBe('email');
    expect(screen.getAllByRole('textbox')).toHaveLength(
      profileFields.filter((field) => textKinds.includes(field.kind)).length,
    );
    expect(screen.getByLabelText<HTMLSelectElement>('Country (optional)').tagName).toBe('SELECT');
    expect(screen.getByLabelText<HTMLInputElement>('Joined at (optional)').type).toBe('datetime-local');
    expect(screen.getByRole('group', { name: 'Statuses (optional)' })).toBeTruthy();
  });

  it('asks for an email address in the email field, without spell checking', () => {
    render(<Harness onSubmit={vi.fn()} />);
    expect(input('Email (optional)').getAttribute('type')).toBe('email');
    expect(input('Email (optional)').getAttribute('spellcheck')).toBe('false');
    expect(input('First name').hasAttribute('type')).toBe(false);
    expect(input('First name').hasAttribute('spellcheck')).toBe(false);
  });

  it('marks the required fields for assistive technology and turns autofill off everywhere', () => {
    render(<Harness onSubmit={vi.fn()} />);
    expect(input('First name').getAttribute('aria-required')).toBe('true');
    expect(input('Middle name (optional)').hasAttribute('aria-required')).toBe(false);
    for (const field of screen.getAllByRole('textbox'))
      expect(field.getAttribute('autocomplete')).toBe('off');
  });

  it('submits what was typed', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    type('First name', 'Ada');
    type('Last name (optional)', 'Lovelace');
    type('Email (optional)', 'Ada@Example.com');
    fireEvent.change(screen.getByLabelText('Country (optional)'), { target: { value: '036' } });
    fireEvent.click(screen.getByLabelText('VIP'));
    fireEvent.click(screen.getByLabelText('Enabled'));
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      ...emptyProfileValues,
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'Ada@Example.com',
      countryNumericCode: '036',
      statuses: ['vip'],
      enabled: false,
    });
  });

  it('does not submit again while a submit is under way', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} isPending />);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Creating…' });
    expect(button.disabled).toBe(true);
    fireEvent.submit(button.form!);
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows a malformed email at its field and moves the focus there', () => {
    render(<Harness onSubmit={vi.fn()} />);
    type('First name', 'Ada');
    type('Email (optional)', 'ada@');
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    const email = input('Email (optional)');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(email)).toBe('Enter a valid email address, like name@example.com');
    expect(document.activeElement).toBe(email);
  });

  it('moves the focus to the first field at fault', () => {
    render(<Harness onSubmit={vi.fn()} />);
    type('Email (optional)', 'ada@');
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(descriptionOf(input('First name'))).toBe('First name is required');
    expect(document.activeElement).toBe(input('First name'));
  });

  it('takes a field’s error away as soon as the field is edited', () => {
    render(<Harness onSubmit={vi.fn()} />);
    type('Email (optional)', 'ada@');
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    type('Email (optional)', 'ada@example.com');
    expect(input('Email (optional)').hasAttribute('aria-invalid')).toBe(false);
    expect(screen.queryByText(/Enter a valid email address/)).toBeNull();
    expect(descriptionOf(input('First name'))).toBe('First name is required');
  });

  it('shows an issue about one item of a list at the list’s field', () => {
    const issuesOf = () => [{ path: 'statuses.0', message: 'vip is not one of the workspace’s statuses' }];
    render(<Harness onSubmit={vi.fn()} issuesOf={issuesOf} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    const first = screen.getByLabelText('Staff');
    expect(first.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(first);
  });

  it('adds an address with the focus in it, the first one as the default', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    type('First name', 'Ada');
    fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
    expect(document.activeElement).toBe(input('Label (optional)'));
    const home = screen.getByRole('group', { name: 'Address 1' });
    type('Label (optional)', 'Home');
    expect(screen.getByRole('group', { name: 'Home' })).toBe(home);
    type('Address line 1', '12 St James’s Square');
    fireEvent.change(within(home).getByLabelText('Country (optional)'), { target: { value: '036' } });
    expect(within(home).getByLabelText<HTMLInputElement>('Default address').checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({
        addresses: [
          {
            label: 'Home',
            line1: '12 St James’s Square',
            line2: '',
            city: '',
            region: '',
            postalCode: '',
            countryNumericCode: '036',
            isDefault: true,
          },
        ],
      }),
    );
  });

  it('marks one address the default, and moves the focus to Add address when one is removed', () => {
    const onSubmit = vi.fn();
    render(<Harness onSubmit={onSubmit} />);
    const add = screen.getByRole('button', { name: 'Add address' });
    fireEvent.click(add);
    fireEvent.click(add);
    const second = screen.getByRole('group', { name: 'Address 2' });
    fireEvent.click(within(second).getByLabelText('Default address'));
    const radios = screen.getAllByLabelText<HTMLInputElement>('Default address');
    expect(radios.map((radio) => radio.checked)).toEqual([false, true]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Address 2' }));
    expect(screen.getByLabelText<HTMLInputElement>('Default address').checked).toBe(true);
    expect(document.activeElement).toBe(add);
  });

  it('shows an issue about an address at its field and moves the focus there', () => {
    render(<Harness onSubmit={vi.fn()} />);
    type('First name', 'Ada');
    fireEvent.click(screen.getByRole('button', { name: 'Add address' }));
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    const line1 = input('Address line 1');
    expect(line1.id).toBe('addresses.0.line1');
    expect(line1.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(line1)).toBe('Address line 1 is required');
    expect(document.activeElement).toBe(line1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a refusal about no field of the form above the fields', () => {
    const issuesOf = () => [{ path: 'version', message: 'Version must be at least 1' }];
    render(<Harness onSubmit={vi.fn()} issuesOf={issuesOf} />);
    fireEvent.click(screen.getByRole('button', { name: 'Create profile' }));
    expect(screen.getByRole('alert').textContent).toBe('Version must be at least 1');
  });
});
