import type { ProfileFields } from '@tessera/db/profiles';
import {
  birthdayInput,
  birthdayNotInFuture,
  DomainError,
  newProfileDefaults,
  optionalPhoneSchema,
  todayIn,
  type CreateProfileInput,
  type Location,
  type Profile,
  type UpdateProfileInput,
  type WorkspaceSettings,
} from '@tessera/domain';
import type { z } from 'zod';

type ProfileInput = Omit<UpdateProfileInput, 'id' | 'version'> | CreateProfileInput;

function invalid(path: string, message: string): DomainError {
  return new DomainError('INVALID_FIELD', message, { path });
}

function firstIssue(error: z.ZodError, path: string): DomainError {
  const issue = error.issues[0];
  const at = [path, ...(issue?.path ?? [])].filter((part) => part !== '').join('.');
  return invalid(at, issue?.message ?? 'Invalid value');
}

/** A phone as typed, read in the workspace's region, in E.164; refused at `path` if it is not valid. */
export function phoneInRegion(
  defaultPhoneRegion: string | null,
  raw: string,
  path: string,
  label = 'Phone',
): string {
  const parsed = optionalPhoneSchema(label, defaultPhoneRegion).safeParse(raw);
  if (!parsed.success) throw firstIssue(parsed.error, path);
  if (parsed.data === null) throw invalid(path, 'Phone is required');
  return parsed.data;
}

function location(settings: WorkspaceSettings, path: string, reference: string): string {
  const found = settings.locations.find(
    (candidate: Location) => candidate.id === reference || candidate.externalId === reference,
  );
  if (!found) throw invalid(path, 'No location of this workspace has this id or external id');
  return found.id;
}

/** The workspace's settings as a profile write reads them, once each way, when first asked. */
export interface SettingsReader {
  /** To read a phone in the workspace's region or today in its time zone. */
  read(): Promise<WorkspaceSettings>;
  /**
   * To take a currency, location, status or tier from: held until the transaction ends, so that a
   * save of the settings cannot remove the value before the profile is written.
   */
  hold(): Promise<WorkspaceSettings>;
}

/**
 * The stored fields a create or update writes: the input over `before` (or over the defaults of a
 * new profile), checked against what only the workspace knows — its phone region, currencies,
 * locations, statuses and today's date in its time zone. Settings are read only when a value given
 * needs them.
 */
export async function resolveProfileFields(
  input: ProfileInput,
  before: Profile | undefined,
  settings: SettingsReader,
  now: Date,
): Promise<ProfileFields> {
  const base: ProfileFields = before
    ? { ...before, lifecycle: before.lifecycle === 'deleted' ? 'active' : before.lifecycle }
    : { ...newProfileDefaults, tags: [], statuses: [], addresses: [], firstName: '' };
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);
  /** Left out, the current value; null, none; else `read` with the settings `load` gives. */
  const checkedWith =
    (load: () => Promise<WorkspaceSettings>) =>
    async <V, T>(
      value: V | null | undefined,
      current: T | null,
      read: (value: V, settings: WorkspaceSettings) => T,
    ): Promise<T | null> =>
      value === undefined ? current : value === null ? null : read(value, await load());
  const checked = checkedWith(() => settings.read());
  const chosen = checkedWith(() => settings.hold());

  const birthday = {
    birthYear: pick(input.birthYear, base.birthYear),
    birthMonth: pick(input.birthMonth, base.birthMonth),
    birthDay: pick(input.birthDay, base.birthDay),
  };
  if (
    [input.birthYear, input.birthMonth, input.birthDay].some((part) => part !== undefined && part !== null)
  ) {
    const today = todayIn((await settings.read()).timeZone, now);
    const result = birthdayInput.superRefine(birthdayNotInFuture(today)).safeParse(birthday);
    if (!result.success) throw firstIssue(result.error, '');
  }

  return {
    title: pick(input.title, base.title),
    firstName: input.firstName ?? base.firstName,
    middleName: pick(input.middleName, base.middleName),
    lastName: pick(input.lastName, base.lastName),
    email: pick(input.email, base.email),
    mobilePhone: await checked(input.mobilePhone, base.mobilePhone, (raw, settings) =>
      phoneInRegion(settings.defaultPhoneRegion, raw, 'mobilePhone', 'Mobile phone'),
    ),
    secondaryPhone: await checked(input.secondaryPhone, base.secondaryPhone, (raw, settings) =>
      phoneInRegion(settings.defaultPhoneRegion, raw, 'secondaryPhone', 'Secondary phone'),
    ),
    gender: pick(input.gender, base.gender),
    ...birthday,
    countryNumericCode: pick(input.countryNumericCode, base.countryNumericCode),
    currency: await chosen(input.currency, base.currency, (code, settings) => {
      if (!settings.currencies.includes(code)) {
        throw invalid('currency', `${code} is not one of the workspace's currencies`);
      }
      return code;
    }),
    joinedAt: pick(input.joinedAt, base.joinedAt),
    company: pick(input.company, base.company),
    occupation: pick(input.occupation, base.occupation),
    avatarUrl: pick(input.avatarUrl, base.avatarUrl),
    preferredLocationId: await chosen(
      input.preferredLocation,
      base.preferredLocationId,
      (reference, settings) => location(settings, 'preferredLocation', reference),
    ),
    joinedLocationId: await chosen(input.joinedLocation, base.joinedLocationId, (reference, settings) =>
      location(settings, 'joinedLocation', reference),
    ),
    tags: pick(input.tags, base.tags),
    statuses:
      input.statuses?.length === 0
        ? []
        : ((await chosen(input.statuses, base.statuses, (handles, settings) => {
            handles.forEach((handle, index) => {
              if (!settings.statuses.some((status) => status.handle === handle)) {
                throw invalid(`statuses.${index}`, `${handle} is not one of the workspace's statuses`);
              }
            });
            return handles;
          })) ?? []),
    addresses: pick(input.addresses, base.addresses),
    lifecycle: pick(input.lifecycle, base.lifecycle),
    enabled: pick(input.enabled, base.enabled),
    integrationUuid: pick(input.integrationUuid, base.integrationUuid),
  };
}
