import type { FieldIssue } from '@tessera/api';
import type { RouterOutputs } from '../../lib/trpc.ts';

export type WorkspaceSettings = RouterOutputs['workspaceSettings']['get'];

/**
 * A row of a list of settings. A saved row that is removed stays in the form, marked, until the
 * settings are saved: the server may refuse to remove it, at its place in the saved list, which is
 * its place in the form (saved rows come first, in their order, and rows never move).
 */
interface Row {
  isRemoved?: boolean;
}

export interface LocationRow extends Row {
  id?: string;
  name: string;
  externalId: string;
}

export interface StatusRow extends Row {
  handle: string;
  name: string;
}

export interface TierRow extends Row {
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

const kept = <T extends Row>(rows: readonly T[]): T[] => rows.filter((row) => !row.isRemoved);

/** The form's values as `updateWorkspaceSettingsInput` reads them: removed rows left out. */
export function settingsInputOf(values: SettingsFormValues) {
  return {
    defaultPhoneRegion: values.defaultPhoneRegion,
    timeZone: values.timeZone,
    currencies: values.currencies
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== ''),
    locations: kept(values.locations).map((location) => ({
      ...(location.id ? { id: location.id } : {}),
      name: location.name,
      externalId: location.externalId,
    })),
    statuses: kept(values.statuses).map((status) => ({ handle: status.handle, name: status.name })),
    tiers: kept(values.tiers).map((tier) => ({
      handle: tier.handle,
      name: tier.name,
      rank: rankInput(tier.rank),
    })),
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

type ListName = 'locations' | 'statuses' | 'tiers';

const firstFieldOf = { locations: 'name', statuses: 'handle', tiers: 'handle' } as const satisfies Record<
  ListName,
  string
>;

function isListName(name: string | undefined): name is ListName {
  return name === 'locations' || name === 'statuses' || name === 'tiers';
}

/**
 * The issues at the form's paths. An entry of the input (`tiers.1.name`) is the row it came from,
 * counting the removed ones; a refused removal (`SETTING_IN_USE` at `tiers.2`, the saved list's
 * place) is shown at that row's first field.
 */
export function formIssuesOf(
  values: SettingsFormValues,
  issues: readonly FieldIssue[],
  isRefusedRemoval: boolean,
): FieldIssue[] {
  return issues.map((issue) => {
    const [list, index, ...rest] = issue.path.split('.');
    if (!isListName(list) || index === undefined || !/^\d+$/.test(index)) return issue;
    if (isRefusedRemoval) return { ...issue, path: `${list}.${index}.${firstFieldOf[list]}` };
    const rows: readonly Row[] = values[list];
    const formIndex = rows.flatMap((row, at) => (row.isRemoved ? [] : [at]))[Number(index)];
    return formIndex === undefined ? issue : { ...issue, path: [list, formIndex, ...rest].join('.') };
  });
}
