import type { RouterOutputs } from '../../lib/trpc.ts';

export type WorkspaceSettings = RouterOutputs['workspaceSettings']['get'];

export interface LocationRow {
  id?: string;
  name: string;
  externalId: string;
}

export interface StatusRow {
  handle: string;
  name: string;
}

export interface TierRow {
  handle: string;
  name: string;
  rank: string;
}

/** The settings as the form edits them: text everywhere, currencies comma separated. */
export interface SettingsFormValues {
  defaultPhoneRegion: string;
  timeZone: string;
  currencies: string;
  locations: LocationRow[];
  statuses: StatusRow[];
  tiers: TierRow[];
  sourceRecordsPerProfileMax: string;
}

export const emptyRows = {
  locations: { name: '', externalId: '' },
  statuses: { handle: '', name: '' },
  tiers: { handle: '', name: '', rank: '' },
} as const;

export function settingsValuesOf(settings: WorkspaceSettings): SettingsFormValues {
  return {
    defaultPhoneRegion: settings.defaultPhoneRegion ?? '',
    timeZone: settings.timeZone,
    currencies: settings.currencies.join(', '),
    locations: settings.locations.map((location) => ({
      id: location.id,
      name: location.name,
      externalId: location.externalId ?? '',
    })),
    statuses: settings.statuses.map((status) => ({ handle: status.handle, name: status.name })),
    tiers: settings.tiers.map((tier) => ({ handle: tier.handle, name: tier.name, rank: String(tier.rank) })),
    sourceRecordsPerProfileMax: String(settings.sourceRecordsPerProfileMax),
  };
}

/** A number as typed: the number where it reads as one, else the text, for the schema to refuse. */
function numberInput(text: string): number | string {
  const trimmed = text.trim();
  const number = Number(trimmed);
  return trimmed !== '' && Number.isFinite(number) ? number : trimmed;
}

function rankInput(rank: string): number | string | undefined {
  return rank.trim() === '' ? undefined : numberInput(rank);
}

/** The form's values as `updateWorkspaceSettingsInput` reads them. */
export function settingsInputOf(values: SettingsFormValues) {
  return {
    defaultPhoneRegion: values.defaultPhoneRegion,
    timeZone: values.timeZone,
    currencies: values.currencies
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== ''),
    locations: values.locations.map((location) => ({
      ...(location.id ? { id: location.id } : {}),
      name: location.name,
      externalId: location.externalId,
    })),
    statuses: values.statuses,
    tiers: values.tiers.map((tier) => ({ handle: tier.handle, name: tier.name, rank: rankInput(tier.rank) })),
    sourceRecordsPerProfileMax: numberInput(values.sourceRecordsPerProfileMax),
  };
}

/** The names of the form's fields, the paths the domain and the server report issues at. */
export function settingsFieldNames(values: SettingsFormValues): string[] {
  return [
    'defaultPhoneRegion',
    'timeZone',
    'currencies',
    'sourceRecordsPerProfileMax',
    ...values.locations.flatMap((_, index) => [`locations.${index}.name`, `locations.${index}.externalId`]),
    ...values.statuses.flatMap((_, index) => [`statuses.${index}.handle`, `statuses.${index}.name`]),
    ...values.tiers.flatMap((_, index) => [
      `tiers.${index}.handle`,
      `tiers.${index}.name`,
      `tiers.${index}.rank`,
    ]),
  ];
}
