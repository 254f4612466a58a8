import type { RouterOutputs } from '../../lib/trpc.ts';

type Address = RouterOutputs['profiles']['get']['addresses'][number];

/** One address as the form edits it: text everywhere, a country's numeric code or '' for none. */
export interface AddressFormValues {
  label: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postalCode: string;
  countryNumericCode: string;
  isDefault: boolean;
}

export type AddressTextField = Exclude<keyof AddressFormValues, 'countryNumericCode' | 'isDefault'>;

interface AddressTextFieldSpec {
  name: AddressTextField;
  label: string;
  isRequired?: boolean;
  hint?: string;
}

/** The text fields of an address, in the order the form shows them; the country and the default follow. */
export const addressTextFields: readonly AddressTextFieldSpec[] = [
  { name: 'label', label: 'Label', hint: 'Such as Home or Work.' },
  { name: 'line1', label: 'Address line 1', isRequired: true },
  { name: 'line2', label: 'Address line 2' },
  { name: 'city', label: 'City' },
  { name: 'region', label: 'Region', hint: 'A state, province or county.' },
  { name: 'postalCode', label: 'Postal code' },
];

const emptyAddress: AddressFormValues = {
  label: '',
  line1: '',
  line2: '',
  city: '',
  region: '',
  postalCode: '',
  countryNumericCode: '',
  isDefault: false,
};

/** Where an issue about a field of the address at `index` is reported: `addresses.1.line1`. */
export function addressFieldPath(index: number, field: keyof AddressFormValues): string {
  return `addresses.${index}.${field}`;
}

/** The paths of every field of these addresses, as the domain and the server report issues at them. */
export function addressFieldPaths(addresses: readonly AddressFormValues[]): string[] {
  const fields = Object.keys(emptyAddress) as (keyof AddressFormValues)[];
  return addresses.flatMap((_, index) => fields.map((field) => addressFieldPath(index, field)));
}

/** What a person reads an address by: its label, or its place in the list. */
export function addressName(address: AddressFormValues, index: number): string {
  return address.label.trim() || `Address ${index + 1}`;
}

/** Another, empty address; the first one is the default. */
export function withAddressAdded(addresses: readonly AddressFormValues[]): AddressFormValues[] {
  return [...addresses, { ...emptyAddress, isDefault: addresses.length === 0 }];
}

/** The addresses without the one at `index`; when it was the default, the first one left becomes it. */
export function withAddressRemoved(
  addresses: readonly AddressFormValues[],
  index: number,
): AddressFormValues[] {
  const rest = addresses.filter((_, at) => at !== index);
  if (rest.length === 0 || rest.some((address) => address.isDefault)) return rest;
  return rest.map((address, at) => ({ ...address, isDefault: at === 0 }));
}

/** The addresses with the one at `index` as the only default. */
export function withDefaultAddress(
  addresses: readonly AddressFormValues[],
  index: number,
): AddressFormValues[] {
  return addresses.map((address, at) => ({ ...address, isDefault: at === index }));
}

export function withAddressChanged(
  addresses: readonly AddressFormValues[],
  index: number,
  field: AddressTextField | 'countryNumericCode',
  value: string,
): AddressFormValues[] {
  return addresses.map((address, at) => (at === index ? { ...address, [field]: value } : address));
}

export function addressValuesOf(address: Address): AddressFormValues {
  return {
    label: address.label ?? '',
    line1: address.line1,
    line2: address.line2 ?? '',
    city: address.city ?? '',
    region: address.region ?? '',
    postalCode: address.postalCode ?? '',
    countryNumericCode: address.countryNumericCode ?? '',
    isDefault: address.isDefault,
  };
}

/** An address as the domain's schema reads it: blank text is "none". */
export function addressInputOf(address: AddressFormValues) {
  return {
    ...address,
    countryNumericCode: address.countryNumericCode === '' ? null : address.countryNumericCode,
  };
}
