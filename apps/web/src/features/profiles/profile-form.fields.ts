import type { CreateProfileInput } from '@tessera/domain';
import type { RouterOutputs } from '../../lib/trpc.ts';

export type Profile = RouterOutputs['profiles']['get'];

/** What a field of each kind holds while it is being edited. */
interface FieldValueOfKind {
  text: string;
  email: string;
}

const emptyValueOfKind: FieldValueOfKind = { text: '', email: '' };

export interface ProfileFieldSpec {
  /** The input's key in the domain's schema, so the issues it reports land at this field */
  name: keyof CreateProfileInput;
  label: string;
  kind: keyof FieldValueOfKind;
  isRequired?: boolean;
  hint?: string;
}

export const profileFields = [
  { name: 'firstName', label: 'First name', kind: 'text', isRequired: true },
  { name: 'middleName', label: 'Middle name', kind: 'text' },
  { name: 'lastName', label: 'Last name', kind: 'text' },
  { name: 'email', label: 'Email', kind: 'email' },
] as const satisfies readonly ProfileFieldSpec[];

type ProfileField = (typeof profileFields)[number];
export type ProfileFieldName = ProfileField['name'];
export type ProfileFormValues = {
  [Field in ProfileField as Field['name']]: FieldValueOfKind[Field['kind']];
};

export const profileFieldNames: readonly ProfileFieldName[] = profileFields.map((field) => field.name);

export const emptyProfileValues = Object.fromEntries(
  profileFields.map((field) => [field.name, emptyValueOfKind[field.kind]]),
) as ProfileFormValues;

export function profileValuesOf(profile: Pick<Profile, ProfileFieldName>): ProfileFormValues {
  return {
    firstName: profile.firstName,
    middleName: profile.middleName ?? '',
    lastName: profile.lastName ?? '',
    email: profile.email ?? '',
  };
}
