import { addressesMax } from '@tessera/domain';
import { describedByOf, FieldMessages } from '../../ui/field-frame.tsx';
import { SelectField } from '../../ui/select-field.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useMoveFocus } from '../../ui/use-move-focus.ts';
import {
  addressFieldPath,
  addressName,
  addressTextFields,
  withAddressAdded,
  withAddressChanged,
  withAddressRemoved,
  withDefaultAddress,
} from './profile-form.addresses.ts';
import type { Choice } from './profile-form.fields.ts';
import type { ProfileFormState } from './use-profile-form.ts';

interface ProfileAddressesFieldProps {
  form: ProfileFormState;
  countries: readonly Choice[];
  /** An issue about the list as a whole, such as too many addresses */
  error: string | undefined;
}

const addButtonId = 'addresses-add';

/** A profile's addresses, edited one group of fields each; exactly one is the default. */
export function ProfileAddressesField({ form, countries, error }: ProfileAddressesFieldProps) {
  const moveFocus = useMoveFocus();
  const addresses = form.values.addresses;
  const isFull = addresses.length >= addressesMax;

  function add() {
    if (isFull) return;
    const index = addresses.length;
    form.changeAddresses(withAddressAdded);
    moveFocus(() => document.getElementById(addressFieldPath(index, 'label')));
  }

  function remove(index: number) {
    form.changeAddresses((current) => withAddressRemoved(current, index));
    moveFocus(() => document.getElementById(addButtonId));
  }

  return (
    <div className="address-rows" id="addresses">
      {error ? (
        <p className="field-error" id="addresses-error">
          {error}
        </p>
      ) : null}
      {addresses.length === 0 ? <p className="muted">No address yet.</p> : null}
      {addresses.map((address, index) => {
        const name = addressName(address, index);
        const defaultPath = addressFieldPath(index, 'isDefault');
        const defaultError = form.errors.fields[defaultPath];
        return (
          <div key={index} className="address-row" role="group" aria-label={name}>
            <div className="address-row-header">
              <span className="address-row-title">{name}</span>
              <span className="address-row-actions">
                <label className="check" htmlFor={defaultPath}>
                  <input
                    id={defaultPath}
                    type="radio"
                    name="addresses-default"
                    checked={address.isDefault}
                    onChange={() => form.changeAddresses((current) => withDefaultAddress(current, index))}
                    aria-invalid={defaultError ? true : undefined}
                    aria-describedby={describedByOf(defaultPath, defaultError, undefined)}
                  />
                  Default address
                </label>
                <button
                  type="button"
                  className="button button-small button-danger-outline"
                  aria-label={`Remove ${name}`}
                  onClick={() => remove(index)}
                >
                  Remove
                </button>
              </span>
            </div>
            <FieldMessages id={defaultPath} error={defaultError} />
            <div className="address-fields">
              {addressTextFields.map((field) => {
                const path = addressFieldPath(index, field.name);
                return (
                  <TextField
                    key={field.name}
                    id={path}
                    label={field.label}
                    required={field.isRequired}
                    hint={field.hint}
                    autoComplete="off"
                    value={address[field.name]}
                    error={form.errors.fields[path]}
                    onValueChange={(value) =>
                      form.changeAddresses(
                        (current) => withAddressChanged(current, index, field.name, value),
                        path,
                      )
                    }
                  />
                );
              })}
              <SelectField
                id={addressFieldPath(index, 'countryNumericCode')}
                label="Country"
                value={address.countryNumericCode}
                options={countries}
                noneLabel="No country"
                error={form.errors.fields[addressFieldPath(index, 'countryNumericCode')]}
                onValueChange={(value) =>
                  form.changeAddresses(
                    (current) => withAddressChanged(current, index, 'countryNumericCode', value),
                    addressFieldPath(index, 'countryNumericCode'),
                  )
                }
              />
            </div>
          </div>
        );
      })}
      <div>
        <button
          type="button"
          id={addButtonId}
          className="button button-small"
          onClick={add}
          aria-disabled={isFull}
          aria-describedby={isFull ? 'addresses-full' : undefined}
        >
          Add address
        </button>
        {isFull ? (
          <p className="field-hint" id="addresses-full">
            A profile can have at most {addressesMax} addresses.
          </p>
        ) : null}
      </div>
    </div>
  );
}
