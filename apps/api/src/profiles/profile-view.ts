import {
  birthdayFacts,
  countryByNumericCode,
  phoneParts,
  shownCustomAttributes,
  todayIn,
  type Profile,
  type ProfileView,
  type WorkspaceSettings,
} from '@tessera/domain';

/** Whether showing this profile needs its workspace's settings (time zone, locations, tiers). */
export function needsSettings(profile: Profile): boolean {
  return (
    (profile.birthMonth !== null && profile.birthDay !== null) ||
    profile.preferredLocationId !== null ||
    profile.joinedLocationId !== null ||
    profile.tierId !== null
  );
}

function byId<T extends { id: string }>(items: T[] | undefined, id: string | null): T | null {
  if (id === null || items === undefined) return null;
  for (const item of items) if (item.id === id) return item;
  return null;
}

/**
 * A profile as a client reads it: its fields with the values derived from them (full name, phone
 * parts, birthday facts for today in the workspace's time zone, country and region) and the
 * locations and tier it names, expanded.
 */
export function toProfileView(
  profile: Profile,
  settings: WorkspaceSettings | undefined,
  now: Date,
): ProfileView {
  const { birthYear, birthMonth, birthDay, countryNumericCode, mobilePhone, secondaryPhone } = profile;
  const facts =
    birthMonth !== null && birthDay !== null && settings
      ? birthdayFacts({ year: birthYear, month: birthMonth, day: birthDay }, todayIn(settings.timeZone, now))
      : undefined;
  const custom = shownCustomAttributes(profile.profileTypes, profile.customAttributes);
  // Written out field by field: V8 builds a literal of known shape many times faster than a copy
  // of the profile's ~35 fields with some left out, which showed in every read's profile.
  return {
    id: profile.id,
    title: profile.title,
    firstName: profile.firstName,
    middleName: profile.middleName,
    lastName: profile.lastName,
    fullName: profile.fullName,
    email: profile.email,
    mobilePhone: mobilePhone === null ? null : phoneParts(mobilePhone),
    secondaryPhone: secondaryPhone === null ? null : phoneParts(secondaryPhone),
    gender: profile.gender,
    birthYear,
    birthMonth,
    birthDay,
    birthDate: facts?.birthDate ?? null,
    nextBirthday: facts?.nextBirthday ?? null,
    daysUntilBirthday: facts?.daysUntilBirthday ?? null,
    daysSinceBirthday: facts?.daysSinceBirthday ?? null,
    countryNumericCode,
    country: countryNumericCode === null ? null : (countryByNumericCode(countryNumericCode) ?? null),
    currency: profile.currency,
    joinedAt: profile.joinedAt,
    company: profile.company,
    occupation: profile.occupation,
    avatarUrl: profile.avatarUrl,
    preferredLocation: byId(settings?.locations, profile.preferredLocationId),
    joinedLocation: byId(settings?.locations, profile.joinedLocationId),
    tier: byId(settings?.tiers, profile.tierId),
    tags: profile.tags,
    statuses: profile.statuses,
    addresses: profile.addresses,
    address: profile.addresses.find((address) => address.isDefault) ?? null,
    lifecycle: profile.lifecycle,
    enabled: profile.enabled,
    integrationUuid: profile.integrationUuid,
    externalId: profile.externalId,
    profileTypes: custom.profileTypes,
    attributes: custom.attributes,
    version: profile.version,
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
}
