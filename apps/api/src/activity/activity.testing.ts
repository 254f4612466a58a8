import type { TestApp, TestMember } from '../testing/test-app.ts';

/** Test helpers: a time this many minutes before now. */
export function minutesAgo(minutes: number): Date {
  return new Date(Date.now() - minutes * 60_000);
}

/** A new workspace with an organization, Acme, and a profile in it, Ada (ada@example.com). */
export async function acmeWithAda(app: TestApp) {
  const owner = await app.newWorkspace('master');
  const acme = (await owner.caller.organizations.create({ name: 'Acme' })).id;
  const ada = await addProfile(owner, acme, 'Ada');
  return { owner, acme, ada };
}

/** A profile named `firstName`, with the email <first name>@example.com, in the organization. */
export async function addProfile(owner: TestMember, organizationId: string, firstName: string) {
  const profile = await owner.caller.profiles.create({
    firstName,
    email: `${firstName.toLowerCase()}@example.com`,
  });
  await owner.caller.memberships.create({ organizationId, profileId: profile.id });
  return profile;
}

/** A usage event of Acme, dated `minutes` before now. */
export function usageEvent(
  id: string,
  organizationId: string,
  profileId: string,
  minutes = 10,
  module = 'Billing',
) {
  return { id, organizationId, profileId, module, activity: 'Open invoice', occurredAt: minutesAgo(minutes) };
}
