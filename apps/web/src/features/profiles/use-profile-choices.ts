import { useQuery } from '@tanstack/react-query';
import { listCountries } from '@tessera/domain';
import { useTRPC } from '../../lib/trpc.ts';
import {
  genderChoices,
  lifecycleChoices,
  type Choice,
  type ChoiceSource,
  type ProfileFormValues,
} from './profile-form.fields.ts';

export type ProfileChoices = Record<ChoiceSource, readonly Choice[]>;

export const countryChoices: readonly Choice[] = listCountries().map((country) => ({
  value: country.numericCode,
  label: country.name,
}));

/** Keeps a value already held among the choices even when the settings no longer offer it. */
export function withCurrent(choices: Choice[], current: string | readonly string[]): Choice[] {
  const held = typeof current === 'string' ? [current] : current;
  const missing = held.filter((value) => value !== '' && !choices.some((choice) => choice.value === value));
  return [...choices, ...missing.map((value) => ({ value, label: value }))];
}

/** What the profile form's selects and checkboxes offer: fixed lists, the countries, the workspace's settings. */
export function useProfileChoices(initial: ProfileFormValues) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.workspaceSettings.get.queryOptions());
  const data = settings.data;
  const locations = (data?.locations ?? []).map((location) => ({
    value: location.id,
    label: location.externalId ? `${location.name} (${location.externalId})` : location.name,
  }));
  const choices: ProfileChoices = {
    genders: genderChoices,
    lifecycles: lifecycleChoices,
    countries: countryChoices,
    currencies: withCurrent(
      (data?.currencies ?? []).map((code) => ({ value: code, label: code })),
      initial.currency,
    ),
    locations: withCurrent(locations, [initial.preferredLocation, initial.joinedLocation]),
    statuses: withCurrent(
      (data?.statuses ?? []).map((status) => ({ value: status.handle, label: status.name })),
      initial.statuses,
    ),
  };
  return { choices, settings };
}
