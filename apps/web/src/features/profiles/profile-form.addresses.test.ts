import { addressesSchema } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import {
  addressFieldPaths,
  addressInputOf,
  addressName,
  withAddressAdded,
  withAddressChanged,
  withAddressRemoved,
  withDefaultAddress,
  type AddressFormValues,
} from './profile-form.addresses.ts';

const three = withAddressAdded(withAddressAdded(withAddressAdded([])));
const defaults = (addresses: readonly AddressFormValues[]) => addresses.map((address) => address.isDefault);

describe('withAddressAdded', () => {
  it('adds an empty address, the default when it is the first', () => {
    const [first] = withAddressAdded([]);
    expect(first).toEqual({
      label: '',
      line1: '',
      line2: '',
      city: '',
      region: '',
      postalCode: '',
      countryNumericCode: '',
      isDefault: true,
    });
    expect(defaults(three)).toEqual([true, false, false]);
  });
});

describe('withDefaultAddress', () => {
  it('makes one address the only default', () => {
    expect(defaults(withDefaultAddress(three, 2))).toEqual([false, false, true]);
  });
});

describe('withAddressRemoved', () => {
  it('keeps the default when another address goes', () => {
    const removed = withAddressRemoved(withDefaultAddress(three, 2), 0);
    expect(defaults(removed)).toEqual([false, true]);
  });

  it('makes the first address left the default when the default goes', () => {
    const removed = withAddressRemoved(withDefaultAddress(three, 1), 1);
    expect(defaults(removed)).toEqual([true, false]);
    expect(withAddressRemoved(withAddressAdded([]), 0)).toEqual([]);
  });
});

describe('withAddressChanged', () => {
  it('changes one field of one address', () => {
    const changed = withAddressChanged(three, 1, 'city', 'Ockham');
    expect(changed.map((address) => address.city)).toEqual(['', 'Ockham', '']);
  });
});

describe('addressName', () => {
  it('names an address by its label, or by its place', () => {
    expect(addressName({ ...three[0]!, label: ' Home ' }, 0)).toBe('Home');
    expect(addressName(three[1]!, 1)).toBe('Address 2');
  });
});

describe('addressFieldPaths', () => {
  it('names every field of every address as the domain reports issues at it', () => {
    const paths = addressFieldPaths(three.slice(0, 1));
    expect(paths).toEqual([
      'addresses.0.label',
      'addresses.0.line1',
      'addresses.0.line2',
      'addresses.0.city',
      'addresses.0.region',
      'addresses.0.postalCode',
      'addresses.0.countryNumericCode',
      'addresses.0.isDefault',
    ]);
  });
});

describe('addressInputOf', () => {
  it('gives the domain blank text as no value and the one default marked', () => {
    const home = { ...three[0]!, label: 'Home', line1: ' 12 St James’s Square ', countryNumericCode: '826' };
    const second = { ...three[1]!, line1: 'Ockham Park' };
    const parsed = addressesSchema.parse(withDefaultAddress([home, second], 1).map(addressInputOf));
    expect(parsed).toEqual([
      {
        label: 'Home',
        line1: '12 St James’s Square',
        line2: null,
        city: null,
        region: null,
        postalCode: null,
        countryNumericCode: '826',
        isDefault: false,
      },
      {
        label: null,
        line1: 'Ockham Park',
        line2: null,
        city: null,
        region: null,
        postalCode: null,
        countryNumericCode: null,
        isDefault: true,
      },
    ]);
  });
});
