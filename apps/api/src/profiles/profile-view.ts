import {
  birthdayFacts,
  countryByNumericCode,
  phoneParts,
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
  const {
    workspaceId: _workspaceId,
    preferredLocationId,
    joinedLocationId,
    tierId,
    mobilePhone,
    secondaryPhone,
    ...fields
  } = profile;
  const { birthYear, birthMonth, birthDay } = profile;
  const facts =
    birthMonth !== null && birthDay !== null && settings
      ? birthdayFacts({ year: birthYear, month: birthMonth, day: birthDay }, todayIn(settings.timeZone, now))
      : undefined;
  const location = (id: string | null) =>
    (id !== null && settings?.locations.find((candidate) => candidate.id === id)) || null;
  return {
    ...fields,
    mobilePhone: mobilePhone === null ? null : phoneParts(mobilePhone),
    secondaryPhone: secondaryPhone === null ? null : phoneParts(secondaryPhone),
    birthDate: facts?.birthDate ?? null,
    nextBirthday: facts?.nextBirthday ?? null,
    daysUntilBirthday: facts?.daysUntilBirthday ?? null,
    daysSinceBirthday: facts?.daysSinceBirthday ?? null,
    country:
      profile.countryNumericCode === null ? null : (countryByNumericCode(profile.countryNumericCode) ?? null),
    preferredLocation: location(preferredLocationId),
    joinedLocation: location(joinedLocationId),
    tier: (tierId !== null && settings?.tiers.find((tier) => tier.id === tierId)) || null,
    address: profile.addresses.find((address) => address.isDefault) ?? null,
  };
}
