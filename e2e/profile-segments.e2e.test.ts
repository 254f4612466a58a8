import { describe, expect, it } from 'vitest';
import { shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

describe('profile segments in the console', () => {
  it('lists the profiles of a profile type and the members of an organization, kept in the address', async () => {
    const { server, browser } = started();
    const { member, caller } = await server.app.newWorkspace('master');
    const ada = await caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace' });
    const grace = await caller.profiles.create({ firstName: 'Grace', lastName: 'Hopper' });
    const alan = await caller.profiles.create({ firstName: 'Alan', lastName: 'Turing' });
    await caller.profiles.create({ firstName: 'Edsger', lastName: 'Dijkstra' });
    const vip = await caller.profileTypes.create({ objectKind: 'contacts', slug: 'vip', title: 'VIP' });
    await caller.profileTypes.create({ objectKind: 'contacts', slug: 'lead', title: 'Lead' });
    for (const profile of [ada, grace])
      await caller.profileTypes.attach({ id: vip.id, recordId: profile.id });
    const acme = await caller.organizations.create({ name: 'Acme Corporation' });
    await caller.organizations.create({ name: 'Globex' });
    for (const profile of [grace, alan]) {
      await caller.memberships.create({ organizationId: acme.id, profileId: profile.id });
    }

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, member.email);
    const names = () => page.getByRole('row').getByRole('link').allTextContents();
    const params = () => Object.fromEntries(new URL(page.url()).searchParams);
    await expect.poll(names).toHaveLength(4);

    await page.getByLabel('Profile type', { exact: true }).selectOption({ label: 'VIP' });
    await expect.poll(names).toEqual(['Grace Hopper', 'Ada Lovelace']);
    expect(params()).toEqual({ profileType: vip.id });

    const organization = page.getByRole('combobox', { name: 'Organization' });
    await organization.fill('acme');
    await page.getByRole('option', { name: /Acme Corporation/ }).waitFor();
    await organization.press('ArrowDown');
    await organization.press('Enter');
    await expect.poll(names).toEqual(['Grace Hopper']);
    expect(params()).toEqual({ profileType: vip.id, organization: acme.id });
    await page.getByRole('group', { name: 'Organization' }).getByText('Acme Corporation').waitFor();
    await shoot(page, 'profiles-segments');

    await page.reload();
    await expect.poll(names).toEqual(['Grace Hopper']);
    // The type's choices arrive after the list: the filter shows its value once they have.
    await expect.poll(() => page.getByLabel('Profile type', { exact: true }).inputValue()).toBe(vip.id);
    await page.getByRole('group', { name: 'Organization' }).getByText('Acme Corporation').waitFor();

    await page.getByLabel('Profile type', { exact: true }).selectOption({ label: 'Any' });
    await expect.poll(names).toEqual(['Alan Turing', 'Grace Hopper']);
    await page.getByRole('button', { name: /^Any organization/ }).click();
    await expect.poll(names).toHaveLength(4);
    expect(params()).toEqual({});

    await page.goto(`${server.url}/profiles?organization=${crypto.randomUUID()}`);
    await page.getByRole('group', { name: 'Organization' }).getByText('Unknown organization').waitFor();
    await page.getByText('No profile matches these filters').waitFor();
    await page
      .getByRole('button', { name: /^Reset filters/ })
      .first()
      .click();
    await expect.poll(names).toHaveLength(4);
  });
});
