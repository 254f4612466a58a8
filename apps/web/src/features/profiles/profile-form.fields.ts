import { genders, type CreateProfileInput } from '@tessera/domain';
import type { RouterOutputs } from '../../lib/trpc.ts';
import {
  addressFieldPaths,
  addressInputOf,
  addressValuesOf,
  type AddressFormValues,
} from './profile-form.addresses.ts';

export type Profile = RouterOutputs['profiles']['get'];

/** What a field of each kind holds while it is being edited. */
interface FieldValueOfKind {
  text: string;
  email: string;
  tel: string;
  url: string;
  number: string;
  dateTime: string;
  /** Comma-separated */
  list: string;
  select: string;
  checkbox: boolean;
  checkboxes: string[];
  addresses: AddressFormValues[];
}

const emptyValueOfKind: FieldValueOfKind = {
  text: '',
  email: '',
  tel: '',
  url: '',
  number: '',
  dateTime: '',
  list: '',
  select: '',
  checkbox: false,
  checkboxes: [],
  addresses: [],
};

/** Where a select or a set of checkboxes takes its choices from: fixed lists, the domain, or the workspace's settings. */
export type ChoiceSource = 'genders' | 'countries' | 'currencies' | 'locations' | 'statuses' | 'lifecycles';

export interface Choice {
  value: string;
  label: string;
}

export const profileFieldGroups = [
  { id: 'identity', title: 'Identity' },
  { id: 'contact', title: 'Contact' },
  { id: 'birthday', title: 'Birthday' },
  { id: 'location', title: 'Location' },
  { id: 'addresses', title: 'Addresses' },
  { id: 'loyalty', title: 'Loyalty' },
  { id: 'lifecycle', title: 'Lifecycle' },
] as const;

export type ProfileFieldGroup = (typeof profileFieldGroups)[number]['id'];

export interface ProfileFieldSpec {
  /** The input's key in the domain's schema, so the issues it reports land at this field */
  name: keyof CreateProfileInput;
  label: string;
  kind: keyof FieldValueOfKind;
  group: ProfileFieldGroup;
  isRequired?: boolean;
  hint?: string;
  choices?: ChoiceSource;
  /** A select's choice for "none" */
  noneLabel?: string;
}

export const profileFields = [
  { name: 'title', label: 'Title', kind: 'text', group: 'identity', hint: 'Such as Dr or Ms.' },
  { name: 'firstName', label: 'First name', kind: 'text', group: 'identity', isRequired: true },
  { name: 'middleName', label: 'Middle name', kind: 'text', group: 'identity' },
  { name: 'lastName', label: 'Last name', kind: 'text', group: 'identity' },
  {
    name: 'gender',
    label: 'Gender',
    kind: 'select',
    group: 'identity',
    choices: 'genders',
    noneLabel: 'Not given',
  },
  { name: 'company', label: 'Company', kind: 'text', group: 'identity' },
  { name: 'occupation', label: 'Occupation', kind: 'text', group: 'identity' },
  { name: 'avatarUrl', label: 'Avatar URL', kind: 'url', group: 'identity' },
  { name: 'email', label: 'Email', kind: 'email', group: 'contact' },
  {
    name: 'mobilePhone',
    label: 'Mobile phone',
    kind: 'tel',
    group: 'contact',
    hint: 'Without a country code, it is read in the workspace’s phone region.',
  },
  { name: 'secondaryPhone', label: 'Secondary phone', kind: 'tel', group: 'contact' },
  { name: 'birthYear', label: 'Birth year', kind: 'number', group: 'birthday' },
  { name: 'birthMonth', label: 'Birth month', kind: 'number', group: 'birthday', hint: '1 to 12' },
  { name: 'birthDay', label: 'Birth day', kind: 'number', group: 'birthday' },
  {
    name: 'countryNumericCode',
    label: 'Country',
    kind: 'select',
    group: 'location',
    choices: 'countries',
    noneLabel: 'No country',
  },
  {
    name: 'preferredLocation',
    label: 'Preferred location',
    kind: 'select',
    group: 'location',
    choices: 'locations',
    noneLabel: 'None',
  },
  {
    name: 'joinedLocation',
    label: 'Joined location',
    kind: 'select',
    group: 'location',
    choices: 'locations',
    noneLabel: 'None',
  },
  { name: 'addresses', label: 'Addresses', kind: 'addresses', group: 'addresses' },
  {
    name: 'currency',
    label: 'Currency',
    kind: 'select',
    group: 'loyalty',
    choices: 'currencies',
    noneLabel: 'No currency',
  },
  { name: 'joinedAt', label: 'Joined at', kind: 'dateTime', group: 'loyalty' },
  {
    name: 'tags',
    label: 'Tags',
    kind: 'list',
    group: 'loyalty',
    hint: 'Separate tags with commas, like vip, newsletter.',
  },
  { name: 'statuses', label: 'Statuses', kind: 'checkboxes', group: 'loyalty', choices: 'statuses' },
  {
    name: 'lifecycle',
    label: 'Lifecycle',
    kind: 'select',
    group: 'lifecycle',
    choices: 'lifecycles',
    isRequired: true,
  },
  { name: 'enabled', label: 'Enabled', kind: 'checkbox', group: 'lifecycle' },
  {
    name: 'integrationUuid',
    label: 'Integration id',
    kind: 'text',
    group: 'lifecycle',
    hint: 'The record’s id in another system.',
  },
] as const satisfies readonly ProfileFieldSpec[];

type ProfileField = (typeof profileFields)[number];
export type ProfileFieldName = ProfileField['name'];
export type ProfileFormValues = {
  [Field in ProfileField as Field['name']]: FieldValueOfKind[Field['kind']];
};

export const profileFieldNames: readonly ProfileFieldName[] = profileFields.map((field) => field.name);

/** The paths issues are reported at that the form shows at a field: its fields', and each address field's. */
export function profileErrorPaths(values: Pick<ProfileFormValues, 'addresses'>): string[] {
  return [...profileFieldNames, ...addressFieldPaths(values.addresses)];
}

export const emptyProfileValues = {
  ...Object.fromEntries(profileFields.map((field) => [field.name, emptyValueOfKind[field.kind]])),
  lifecycle: 'active',
  enabled: true,
} as ProfileFormValues;

export const genderChoices: readonly Choice[] = genders.map((gender) => ({
  value: gender,
  label: gender === 'withheld' ? 'Prefers not to say' : gender.charAt(0).toUpperCase() + gender.slice(1),
}));

export const lifecycleChoices: readonly Choice[] = [
  { value: 'temporary', label: 'Temporary' },
  { value: 'pending', label: 'Pending' },
  { value: 'active', label: 'Active' },
];

function numberText(value: number | null): string {
  return value === null ? '' : String(value);
}

/** A date and time as a `datetime-local` input shows it: local time, to the minute. */
export function localDateTimeText(value: Date | null): string {
  if (value === null) return '';
  const pad = (part: number) => String(part).padStart(2, '0');
  return `${value.getFullYear()}-${pad(value.getMonth() + 1)}-${pad(value.getDate())}T${pad(value.getHours())}:${pad(value.getMinutes())}`;
}

type ReferenceField = 'mobilePhone' | 'secondaryPhone' | 'preferredLocation' | 'joinedLocation';

/** What the form needs of a profile: its fields, and of phones and locations only what names them. */
type ProfileSource = Pick<Profile, Exclude<ProfileFieldName, ReferenceField>> & {
  mobilePhone: { e164: string } | null;
  secondaryPhone: { e164: string } | null;
  preferredLocation: { id: string } | null;
  joinedLocation: { id: string } | null;
};

export function profileValuesOf(profile: ProfileSource): ProfileFormValues {
  return {
    title: profile.title ?? '',
    firstName: profile.firstName,
    middleName: profile.middleName ?? '',
    lastName: profile.lastName ?? '',
    gender: profile.gender ?? '',
    company: profile.company ?? '',
    occupation: profile.occupation ?? '',
    avatarUrl: profile.avatarUrl ?? '',
    email: profile.email ?? '',
    mobilePhone: profile.mobilePhone?.e164 ?? '',
    secondaryPhone: profile.secondaryPhone?.e164 ?? '',
    birthYear: numberText(profile.birthYear),
    birthMonth: numberText(profile.birthMonth),
    birthDay: numberText(profile.birthDay),
    countryNumericCode: profile.countryNumericCode ?? '',
    preferredLocation: profile.preferredLocation?.id ?? '',
    joinedLocation: profile.joinedLocation?.id ?? '',
    addresses: profile.addresses.map(addressValuesOf),
    currency: profile.currency ?? '',
    joinedAt: localDateTimeText(profile.joinedAt),
    tags: profile.tags.join(', '),
    statuses: profile.statuses,
    // A deleted profile comes back as active when it is saved.
    lifecycle: profile.lifecycle === 'deleted' ? 'active' : profile.lifecycle,
    enabled: profile.enabled,
    integrationUuid: profile.integrationUuid ?? '',
  };
}

/** Blank number text is "no value"; anything else goes to the domain as a number, or as text it will refuse. */
function numberInput(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const number = Number(trimmed);
  return Number.isFinite(number) ? number : trimmed;
}

function dateTimeInput(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}

/** The form's values as the domain's schemas read them: numbers, lists, null for "none". */
export function profileInputOf(values: ProfileFormValues): Record<ProfileFieldName, unknown> {
  return {
    ...values,
    gender: values.gender === '' ? null : values.gender,
    birthYear: numberInput(values.birthYear),
    birthMonth: numberInput(values.birthMonth),
    birthDay: numberInput(values.birthDay),
    countryNumericCode: values.countryNumericCode === '' ? null : values.countryNumericCode,
    addresses: values.addresses.map(addressInputOf),
    currency: values.currency === '' ? null : values.currency,
    joinedAt: dateTimeInput(values.joinedAt),
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== ''),
  };
}
