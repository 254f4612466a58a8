import {
  attributeDataTypes,
  objectKinds,
  profileTypeCategories,
  slugLengthMax,
  type AttributeDataType,
  type ObjectKind,
  type ProfileTypeCategory,
} from '@tessera/domain';
import type { SelectOption } from '../../ui/select-field.tsx';

/** How the console names each kind of record, as reference 000 groups structure: Contacts, Organizations, Users. */
export const objectKindLabels: Record<ObjectKind, string> = {
  contacts: 'Contacts',
  organizations: 'Organizations',
  users: 'Users',
};

export const objectKindOptions: readonly SelectOption[] = objectKinds.map((kind) => ({
  value: kind,
  label: objectKindLabels[kind],
}));

export const categoryLabels: Record<ProfileTypeCategory, string> = {
  leads: 'Leads',
  contacts: 'Contacts',
  vendors: 'Vendors',
  organizations: 'Organizations',
  users: 'Users',
};

export const categoryOptions: readonly SelectOption[] = profileTypeCategories.map((category) => ({
  value: category,
  label: categoryLabels[category],
}));

export const dataTypeLabels: Record<AttributeDataType, string> = {
  text: 'Text',
  long_text: 'Long text',
  number: 'Number',
  integer: 'Whole number',
  boolean: 'Yes or no',
  date: 'Date',
  date_time: 'Date and time',
  email: 'Email',
  phone: 'Phone',
  url: 'Web address',
  money: 'Money',
  single_select: 'Select one',
  multi_select: 'Select several',
  json: 'JSON',
};

export const dataTypeOptions: readonly SelectOption[] = attributeDataTypes.map((dataType) => ({
  value: dataType,
  label: dataTypeLabels[dataType],
}));

/** Items of every kind in the order the pages show the kinds, each kind with its own. */
export function byObjectKind<T extends { objectKind: ObjectKind }>(
  items: readonly T[],
): { kind: ObjectKind; items: T[] }[] {
  return objectKinds.map((kind) => ({ kind, items: items.filter((item) => item.objectKind === kind) }));
}

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

function joined(parts: readonly string[], separator: string): string {
  let slug = '';
  for (const part of parts) {
    const next = slug === '' ? part : `${slug}${separator}${part}`;
    if (next.length > slugLengthMax) return slug === '' ? part.slice(0, slugLengthMax) : slug;
    slug = next;
  }
  return slug;
}

/** The slug a title suggests, in words joined by `-`: `Customer Profile` → `customer-profile`. */
export function kebabSlugOf(title: string): string {
  return joined(words(title), '-');
}

/** The slug a label suggests, in lower snake case starting with a letter: `2nd Pet's name` → `nd_pet_s_name`. */
export function snakeSlugOf(label: string): string {
  const parts = words(label);
  const [first = '', ...rest] = parts;
  return joined(
    [first.replace(/^[0-9]+/, ''), ...rest].filter((part) => part !== ''),
    '_',
  );
}

/** What a record of each kind is called. */
export const recordNouns: Record<ObjectKind, string> = {
  contacts: 'profile',
  organizations: 'organization',
  users: 'member',
};
