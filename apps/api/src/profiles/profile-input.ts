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

function phone(label: string, path: string, raw: string | null, settings: WorkspaceSettings): string | null {
  return raw === null ? null : phoneInRegion(settings.defaultPhoneRegion, raw, path, label);
}

function location(path: string, reference: string | null, settings: WorkspaceSettings): string | null {
  if (reference === null) return null;
  const found = settings.locations.find(
    (candidate: Location) => candidate.id === reference || candidate.externalId === reference,
  );
  if (!found) throw invalid(path, 'No location of this workspace has this id or external id');
  return found.id;
}

/** Whether checking this input needs the workspace's settings. */
function needsSettings(input: ProfileInput): boolean {
  return [
    input.mobilePhone,
    input.secondaryPhone,
    input.currency,
    input.preferredLocation,
    input.joinedLocation,
    input.statuses,
    input.birthYear,
    input.birthMonth,
    input.birthDay,
  ].some((value) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0));
}

/**
 * The stored fields a create or update writes: the input over `before` (or over the defaults of a
 * new profile), checked against what only the workspace knows — its phone region, currencies,
 * locations, statuses and today's date in its time zone. Settings are read only when the input
 * touches one of those.
 */
export async function resolveProfileFields(
  input: ProfileInput,
  before: Profile | undefined,
  loadSettings: () => Promise<WorkspaceSettings>,
  now: Date,
): Promise<ProfileFields> {
  const base: ProfileFields = before
    ? { ...before, lifecycle: before.lifecycle === 'deleted' ? 'active' : before.lifecycle }
    : { ...newProfileDefaults, tags: [], statuses: [], addresses: [], firstName: '' };
  const settings = needsSettings(input) ? await loadSettings() : undefined;
  const pick = <T>(value: T | undefined, current: T): T => (value === undefined ? current : value);

  const birthday = {
    birthYear: pick(input.birthYear, base.birthYear),
    birthMonth: pick(input.birthMonth, base.birthMonth),
    birthDay: pick(input.birthDay, base.birthDay),
  };
  if (settings) {
    const checked = birthdayInput
      .superRefine(birthdayNotInFuture(todayIn(settings.timeZone, now)))
      .safeParse(birthday);
    if (!checked.success) throw firstIssue(checked.error, '');
  }

  const currency = pick(input.currency, base.currency);
  if (input.currency && settings && !settings.currencies.includes(input.currency)) {
    throw invalid('currency', `${input.currency} is not one of the workspace's currencies`);
  }
  const statuses = pick(input.statuses, base.statuses);
  if (input.statuses && settings) {
    input.statuses.forEach((handle, index) => {
      if (!settings.statuses.some((status) => status.handle === handle)) {
        throw invalid(`statuses.${index}`, `${handle} is not one of the workspace's statuses`);
      }
    });
  }

  return {
    title: pick(input.title, base.title),
    firstName: input.firstName ?? base.firstName,
    middleName: pick(input.middleName, base.middleName),
    lastName: pick(input.lastName, base.lastName),
    email: pick(input.email, base.email),
    mobilePhone:
      input.mobilePhone === undefined || !settings
        ? pick(input.mobilePhone, base.mobilePhone)
        : phone('Mobile phone', 'mobilePhone', input.mobilePhone, settings),
    secondaryPhone:
      input.secondaryPhone === undefined || !settings
        ? pick(input.secondaryPhone, base.secondaryPhone)
        : phone('Secondary phone', 'secondaryPhone', input.secondaryPhone, settings),
    gender: pick(input.gender, base.gender),
    ...birthday,
    countryNumericCode: pick(input.countryNumericCode, base.countryNumericCode),
    currency,
    joinedAt: pick(input.joinedAt, base.joinedAt),
    company: pick(input.company, base.company),
    occupation: pick(input.occupation, base.occupation),
    avatarUrl: pick(input.avatarUrl, base.avatarUrl),
    preferredLocationId:
      input.preferredLocation === undefined || !settings
        ? input.preferredLocation === null
          ? null
          : base.preferredLocationId
        : location('preferredLocation', input.preferredLocation, settings),
    joinedLocationId:
      input.joinedLocation === undefined || !settings
        ? input.joinedLocation === null
          ? null
          : base.joinedLocationId
        : location('joinedLocation', input.joinedLocation, settings),
    tags: pick(input.tags, base.tags),
    statuses,
    addresses: pick(input.addresses, base.addresses),
    lifecycle: pick(input.lifecycle, base.lifecycle),
    enabled: pick(input.enabled, base.enabled),
    integrationUuid: pick(input.integrationUuid, base.integrationUuid),
  };
}
