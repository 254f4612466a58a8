import { testPassword } from '@tessera/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { descriptionOf, focusedElement, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

async function openFromNavigation(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await expect.poll(() => focusedElement(page)).toBe(`h1 ${name}`);
}

describe('organizations in the console', () => {
  it('creates an organization, adds a contact and a member, and marks a key contact', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const { member, caller } = await app.newWorkspace('master');
    const grace = await caller.profiles.create({
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'grace@example.com',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    await openFromNavigation(page, 'Organizations');
    await page.getByText('No organizations yet').waitFor();
    await page.getByRole('button', { name: 'New organization' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input new-organization-name');
    await page.getByLabel('Name', { exact: true }).fill('Acme Corporation');
    await page.getByLabel('External id').fill('ACME-1');
    const domain = page.getByLabel('Domain');
    await domain.fill('https://acme.com');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input new-organization-domain');
    expect(await domain.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(domain)).toContain('Domain must be a host name');
    await shoot(page, 'organizations-new');
    await domain.fill('acme.com');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Acme Corporation');
    const organizationId = page.url().split('/').at(-1) ?? '';
    expect(await caller.organizations.get({ id: organizationId })).toMatchObject({
      name: 'Acme Corporation',
      externalId: 'ACME-1',
      domain: 'acme.com',
    });

    // A contact added from the contacts list is a new profile, a contact of the organization.
    const contacts = page.getByRole('region', { name: 'Contacts' });
    await contacts.getByText('No contacts yet').waitFor();
    await contacts.getByRole('button', { name: 'Add a contact' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input contact-first-name');
    await contacts.getByLabel('First name').fill('Ada');
    await contacts.getByLabel('Last name').fill('Lovelace');
    const email = contacts.getByLabel('Email');
    await email.fill('ada@');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input contact-email');
    expect(await descriptionOf(email)).toContain('Enter a valid email address');
    await email.fill('ada@example.com');
    await contacts.getByRole('button', { name: 'Add contact' }).click();
    await contacts.getByRole('link', { name: 'Ada Lovelace' }).waitFor();
    await expect.poll(() => focusedElement(page)).toBe('button Add a contact');
    const ada = await caller.profiles.getByEmail({ email: 'ada@example.com' });
    expect(ada.fullName).toBe('Ada Lovelace');
    expect((await caller.memberships.list({ profileId: ada.id })).items).toEqual([
      expect.objectContaining({ organizationId, isContact: true, isKeyContact: false }),
    ]);

    // A member added from the profiles is not a contact until it is marked one.
    const members = page.getByRole('region', { name: 'Members' });
    await members.getByRole('row', { name: /Ada Lovelace/ }).waitFor();
    const addProfile = members.getByRole('combobox', { name: 'Add a profile' });
    await addProfile.fill('hopper');
    await members.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    await addProfile.press('ArrowDown');
    await addProfile.press('Enter');
    await members.getByRole('row', { name: /Grace Hopper/ }).waitFor();
    await members.getByText('Grace Hopper was added.').waitFor();
    expect(await contacts.getByRole('link').allTextContents()).toEqual(['Ada Lovelace']);

    await members.getByRole('checkbox', { name: 'Grace Hopper is a key contact' }).check();
    await contacts.getByRole('link', { name: 'Grace Hopper' }).waitFor();
    const graceContact = contacts.getByRole('listitem').filter({ hasText: 'Grace Hopper' });
    await graceContact.getByRole('img', { name: 'Key contact' }).waitFor();
    expect(await contacts.getByRole('img', { name: 'Key contact' }).count()).toBe(1);
    expect((await caller.memberships.list({ profileId: grace.id })).items).toEqual([
      expect.objectContaining({ isContact: false, isKeyContact: true }),
    ]);

    // Both belong to it only: neither it nor their memberships can go.
    await members.getByRole('button', { name: 'Remove Ada Lovelace from this organization' }).click();
    await members.getByRole('alert').filter({ hasText: 'only organization' }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete organization' }).click();
    await dialog.getByText('2 profiles belong to this organization only.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await shoot(page, 'organization-detail');

    await graceContact.getByRole('link', { name: 'Grace Hopper' }).click();
    const title = page.getByRole('heading', { level: 1, name: 'Grace Hopper' });
    await title.getByRole('img', { name: 'Key contact' }).waitFor();
    const organizations = page.getByRole('region', { name: 'Organizations', exact: true });
    const acme = organizations.locator('details').filter({ hasText: 'Acme Corporation' });
    await acme.locator('summary').click();
    await acme.getByRole('checkbox', { name: 'Key contact' }).waitFor();
    expect(await acme.getByRole('checkbox', { name: 'Key contact' }).isChecked()).toBe(true);

    const key = acme.getByLabel('Key', { exact: true });
    await key.fill('Billing-Role');
    await acme.getByLabel('Value').fill('Buyer');
    await acme.getByRole('button', { name: 'Set attribute' }).click();
    await expect.poll(() => descriptionOf(key)).toContain('lower snake case');
    await expect.poll(() => focusedElement(page)).toBe(`input ${await key.getAttribute('id')}`);
    await key.fill('billing_role');
    await acme.getByRole('button', { name: 'Set attribute' }).click();
    await acme.getByRole('definition').filter({ hasText: 'Buyer' }).waitFor();
    await key.fill('seats');
    await acme.getByLabel('Kind').selectOption({ label: 'Number' });
    await acme.getByLabel('Value').fill('12');
    await acme.getByRole('button', { name: 'Set attribute' }).click();
    await acme.getByRole('definition').filter({ hasText: '12' }).waitFor();
    await acme.getByRole('button', { name: 'Clear seats' }).click();
    await expect.poll(() => acme.getByRole('button', { name: 'Clear seats' }).count()).toBe(0);
    expect((await caller.memberships.list({ profileId: grace.id })).items[0]?.attributes).toEqual({
      billing_role: 'Buyer',
    });
    await expect.poll(() => acme.locator('summary').textContent()).toContain('1 attribute');

    await acme.getByRole('button', { name: 'Remove from Acme Corporation' }).click();
    await acme.getByRole('alert').filter({ hasText: 'This is the profile’s only organization' }).waitFor();
    expect((await caller.memberships.list({ profileId: grace.id })).items).toHaveLength(1);
    await shoot(page, 'organization-profile');
  });

  it('finds people from the header by name, email or id, and opens them', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const { member, caller } = await app.newWorkspace('master');
    const person = (firstName: string, lastName: string) =>
      caller.profiles.create({ firstName, lastName, email: `${firstName.toLowerCase()}@example.com` });
    const ada = (await person('Ada', 'Lovelace')).id;
    await person('Adam', 'Smith');
    const grace = (await person('Grace', 'Hopper')).id;
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    const search = page.getByRole('combobox', { name: 'Search people' });
    const listbox = page.getByRole('listbox', { name: 'Search people' });
    await search.fill('ada');
    await expect.poll(() => listbox.getByRole('option').allTextContents()).toHaveLength(2);
    expect(await search.getAttribute('aria-expanded')).toBe('true');
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    const second = listbox.getByRole('option').nth(1);
    expect(await second.getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await second.getAttribute('id'));
    await search.press('ArrowDown');
    expect(await listbox.getByRole('option').first().getAttribute('aria-selected')).toBe('true');
    await shoot(page, 'people-search');
    await search.press('Escape');
    expect(await search.getAttribute('aria-expanded')).toBe('false');
    expect(await listbox.isVisible()).toBe(false);
    await search.press('Escape');
    expect(await search.inputValue()).toBe('');

    await search.fill('grace@example.com');
    await listbox.getByRole('option', { name: /Grace Hopper/ }).waitFor();
    await search.press('ArrowDown');
    await search.press('Enter');
    await page.waitForURL(`${url}/profiles/${grace}`);
    await expect.poll(() => focusedElement(page)).toBe('h1 Grace Hopper');
    expect(await search.inputValue()).toBe('');

    await search.fill(ada);
    await listbox.getByRole('option', { name: /Ada Lovelace/ }).click();
    await page.waitForURL(`${url}/profiles/${ada}`);
    await expect.poll(() => focusedElement(page)).toBe('h1 Ada Lovelace');

    // Enter with no match chosen opens the profiles list with the search.
    await search.fill('smith');
    await listbox.getByRole('option', { name: /Adam Smith/ }).waitFor();
    await search.press('Enter');
    await page.waitForURL(`${url}/profiles?q=smith`);
    await page.getByRole('row', { name: /Adam Smith/ }).waitFor();
    expect(await page.getByLabel('Search profiles').inputValue()).toBe('smith');
  });

  it('lets an admin limit an agent to some organizations, and the agent sees only them', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const { member, caller } = await app.newWorkspace('master');
    const acme = await caller.organizations.create({ name: 'Acme Corporation', domain: 'acme.com' });
    const globex = await caller.organizations.create({ name: 'Globex' });
    const ada = await caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace' });
    const linus = await caller.profiles.create({ firstName: 'Linus', lastName: 'Torvalds' });
    await caller.memberships.create({ organizationId: acme.id, profileId: ada.id });
    await caller.memberships.create({ organizationId: globex.id, profileId: linus.id });
    const adminEmail = `admin@${member.workspaceSlug}.test`;
    const agentEmail = `agent@${member.workspaceSlug}.test`;
    await caller.members.create({
      name: 'Ann Admin',
      email: adminEmail,
      role: 'admin',
      password: testPassword,
    });
    const agent = await caller.members.create({
      name: 'Sam Agent',
      email: agentEmail,
      role: 'agent',
      password: testPassword,
    });

    const adminPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(adminPage, url, adminEmail);
    await openFromNavigation(adminPage, 'Members');
    const agentRow = adminPage.getByRole('row', { name: /Sam Agent/ });
    await agentRow.getByText('All organizations').waitFor();
    const adminRow = adminPage.getByRole('row', { name: /Ann Admin/ });
    expect(await adminRow.getByRole('cell', { name: 'All organizations' }).count()).toBe(1);
    expect(await adminRow.getByRole('button', { name: /Change the organizations/ }).count()).toBe(0);

    await agentRow.getByRole('button', { name: 'Change the organizations Sam Agent may see' }).click();
    const dialog = adminPage.getByRole('dialog', { name: 'Organizations Sam Agent may see' });
    await dialog.getByLabel('Only the organizations chosen, and their profiles').check();
    await dialog.getByRole('button', { name: 'Save' }).click();
    const organizationField = dialog.getByRole('combobox', { name: 'Add an organization' });
    await expect.poll(() => focusedElement(adminPage)).toBe('input scope-organization');
    expect(await descriptionOf(organizationField)).toContain('Choose at least one organization');
    await organizationField.fill('acme');
    await dialog.getByRole('option', { name: /Acme Corporation/ }).waitFor();
    await organizationField.press('ArrowDown');
    await organizationField.press('Enter');
    await dialog.getByRole('list', { name: 'Organizations chosen' }).getByText('Acme Corporation').waitFor();
    await organizationField.fill('globex');
    await dialog.getByRole('option', { name: /Globex/ }).waitFor();
    // Escape closes the list of matches, not the dialog.
    await organizationField.press('Escape');
    expect(await dialog.isVisible()).toBe(true);
    await organizationField.fill('');
    await shoot(adminPage, 'members-organization-scope');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await adminPage.getByText('Sam Agent now sees 1 organization.').waitFor();
    await agentRow.getByText('Acme Corporation').waitFor();
    expect(await caller.members.organizationScope({ memberId: agent.id })).toMatchObject({
      organizationIds: [acme.id],
    });
    await shoot(adminPage, 'members');

    // An organization no profile depends on is renamed, then deleted.
    const initech = await caller.organizations.create({ name: 'Initech' });
    await adminPage.goto(`${url}/organizations/${initech.id}`);
    await adminPage.getByRole('button', { name: 'Edit', exact: true }).click();
    await expect.poll(() => focusedElement(adminPage)).toBe('input edit-organization-name');
    await adminPage.getByLabel('Name', { exact: true }).fill('Initech Inc');
    await adminPage.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => focusedElement(adminPage)).toBe('button Edit');
    await adminPage.getByRole('heading', { level: 1, name: 'Initech Inc' }).waitFor();
    await adminPage.getByRole('button', { name: 'Delete', exact: true }).click();
    await adminPage.getByRole('dialog').getByRole('button', { name: 'Delete organization' }).click();
    await expect.poll(() => focusedElement(adminPage)).toBe('h1 Organizations');
    await adminPage.getByText('Initech Inc was deleted.').waitFor();
    expect(await adminPage.getByRole('table').getByRole('link').allTextContents()).toEqual([
      'Acme Corporation',
      'Globex',
    ]);

    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(agentPage, url, agentEmail);
    await agentPage.getByRole('row', { name: /Ada Lovelace/ }).waitFor();
    expect(await agentPage.getByRole('row', { name: /Linus Torvalds/ }).count()).toBe(0);
    // A limited agent adds people as contacts of its organizations, not on their own.
    expect(await agentPage.getByRole('link', { name: 'New profile' }).count()).toBe(0);
    await openFromNavigation(agentPage, 'Organizations');
    await agentPage.getByRole('link', { name: 'Acme Corporation' }).waitFor();
    expect(await agentPage.getByRole('table').getByRole('link').allTextContents()).toEqual([
      'Acme Corporation',
    ]);
    expect(await agentPage.getByRole('button', { name: 'New organization' }).count()).toBe(0);
    await shoot(agentPage, 'organizations-list-agent');
    await agentPage.goto(`${url}/organizations/${globex.id}`);
    await agentPage.getByRole('heading', { level: 1, name: 'Organization not found' }).waitFor();
  });
});
