import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testPassword } from '@tessera/api/testing';
import { descriptionOf, detailOf, focusedElement, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

describe('console', () => {
  it('signs in, creates a profile, finds it, opens it and edits it', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const { member, caller } = await app.newWorkspace('master');
    const page = await browser.newPage();

    await page.goto(`${url}/profiles`);
    await page.waitForURL(`${url}/sign-in`);
    await expect.poll(() => focusedElement(page)).toBe('input email');
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or the password is wrong').waitFor();
    expect(await descriptionOf(page.getByLabel('Password'))).toContain('The email or the password is wrong');

    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profiles' }).waitFor();
    expect(page.url()).toBe(`${url}/profiles`);
    await expect.poll(() => focusedElement(page)).toBe('h1 Profiles');
    expect(await page.title()).toBe('Profiles · Tessera');
    expect(await page.getByRole('banner').textContent()).toContain(member.workspaceName);
    expect(await page.getByRole('banner').textContent()).toContain(member.email);
    await page.getByText('No profiles yet — create the first one').waitFor();

    await page.getByRole('link', { name: 'New profile' }).first().click();
    await expect.poll(() => focusedElement(page)).toBe('h1 New profile');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill('Ada@Example.com');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Ada Lovelace');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Profiles');
    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    expect(await row.textContent()).toContain('ada@example.com');
    await row.getByRole('link', { name: 'Ada Lovelace' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Ada Lovelace');
    const profileId = page.url().split('/').at(-1) ?? '';
    expect(await detailOf(page, 'Version').textContent()).toBe('1');

    await page.getByRole('link', { name: 'Edit' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Edit profile');
    const email = page.getByLabel('Email');
    await page.getByLabel('Last name').fill('Byron');
    await email.fill('ada@');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Enter a valid email address').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(email)).toContain('Enter a valid email address');

    await caller.profiles.create({ firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.com' });
    await email.fill('grace@example.com');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Another profile has this email already').waitFor();
    expect(await descriptionOf(email)).toContain('Another profile has this email already');

    await email.fill('ada.byron@example.com');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Ada Byron');
    expect(await detailOf(page, 'Last name').textContent()).toBe('Byron');
    expect(await detailOf(page, 'Email').textContent()).toBe('ada.byron@example.com');
    expect(await detailOf(page, 'Version').textContent()).toBe('2');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit profile' }).waitFor();
    await caller.profiles.update({ id: profileId, firstName: 'Augusta' });
    await page.getByLabel('Middle name').fill('King');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Someone else changed this profile').waitFor();
    await page.getByRole('button', { name: 'Reload profile' }).click();
    await expect.poll(() => page.getByLabel('First name').inputValue()).toBe('Augusta');
    await expect.poll(() => focusedElement(page)).toBe('input firstName');
    expect(await page.getByLabel('Middle name').inputValue()).toBe('');
    await page.getByLabel('Middle name').fill('King');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Augusta King Byron' }).waitFor();
    expect(await detailOf(page, 'Version').textContent()).toBe('4');
  });

  it('starts loading the profiles while it checks the session', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member } = await server.app.newWorkspace('viewer');
    const page = await browser.newPage();
    await signIn(page, url, member.email);

    const events: string[] = [];
    page.on('request', (request) => events.push(`request ${request.url()}`));
    page.on('response', (response) => events.push(`response ${response.url()}`));
    await page.reload();
    await page.getByText('No profiles yet').waitFor();
    const listAsked = events.findIndex(
      (event) => event.startsWith('request') && event.includes('profiles.list'),
    );
    const sessionKnown = events.findIndex(
      (event) => event.startsWith('response') && event.includes('auth.me'),
    );
    expect(listAsked).toBeGreaterThanOrEqual(0);
    expect(listAsked).toBeLessThan(sessionKnown);
  });

  it('keeps the focus on what comes next after Load more, a delete and the token dialogs', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    for (let index = 1; index <= 27; index += 1) {
      await caller.profiles.create({ firstName: 'Person', lastName: String(index).padStart(2, '0') });
    }
    const page = await browser.newPage();
    await signIn(page, url, member.email);

    const rows = page.getByRole('row');
    await expect.poll(() => rows.count()).toBe(1 + 25);
    await page.getByRole('button', { name: 'Load more' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(1 + 27);
    const firstNewName = (await rows.nth(26).getByRole('link').textContent()) ?? '';
    await expect.poll(() => focusedElement(page)).toBe(`a ${firstNewName}`);

    await page.keyboard.press('Enter');
    await expect.poll(() => focusedElement(page)).toBe(`h1 ${firstNewName}`);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focusedElement(page)).toBe('button Delete');
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete profile' }).click();
    await page.getByText(`${firstNewName} was deleted.`).waitFor();
    await expect.poll(() => focusedElement(page)).toBe('h1 Profiles');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 API tokens');
    await page.getByLabel('Token name').fill('CRM sync');
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h2 Copy the token “CRM sync” now');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h2 Tokens in this workspace');

    await page.getByRole('button', { name: 'Revoke CRM sync' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => focusedElement(page)).toBe('button Revoke');
    await page.getByRole('button', { name: 'Revoke CRM sync' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await page.getByText('Revoked', { exact: false }).first().waitFor();
    await expect.poll(() => focusedElement(page)).toBe('h2 Tokens in this workspace');
  });

  it('reads phones in the region set in Settings and shows the record with its derived values', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member } = await server.app.newWorkspace('master');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Settings');
    const region = page.getByLabel('Default phone region');
    await region.fill('Atlantis');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => region.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedElement(page)).toBe('input defaultPhoneRegion');
    expect(await descriptionOf(region)).toContain('two-letter country code');
    await region.fill('au');
    await page.getByLabel('Currencies').fill('AUD');
    await page.getByRole('button', { name: 'Add location' }).click();
    await page.getByLabel('Name').first().fill('Sydney');
    await page.getByLabel('External id').fill('SYD-01');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await region.inputValue()).toBe('AU');
    await shoot(page, 'settings');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('link', { name: 'New profile' }).first().click();
    await expect.poll(() => focusedElement(page)).toBe('h1 New profile');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    const mobile = page.getByLabel('Mobile phone');
    await mobile.fill('12');
    await page.getByLabel('Country').selectOption({ label: 'Australia' });
    await page.getByLabel('Currency').selectOption('AUD');
    await page.getByLabel('Preferred location').selectOption({ label: 'Sydney (SYD-01)' });
    await page.getByLabel('Tags').fill('vip, newsletter');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await expect.poll(() => mobile.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedElement(page)).toBe('input mobilePhone');
    expect(await descriptionOf(mobile)).toMatch(/phone/i);
    await shoot(page, 'profile-form');

    await mobile.fill('0412 345 678');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Ada Lovelace');
    expect(await detailOf(page, 'Mobile phone').textContent()).toContain('+61412345678');
    expect(await detailOf(page, 'Country').textContent()).toContain('Australia');
    expect(await detailOf(page, 'Region').textContent()).toBe('Australia and New Zealand');
    expect(await detailOf(page, 'Preferred location').textContent()).toContain('Sydney');
    expect(await detailOf(page, 'Currency').textContent()).toBe('AUD');
    expect(await detailOf(page, 'Tags').getByRole('listitem').allTextContents()).toEqual([
      'vip',
      'newsletter',
    ]);
    expect(await detailOf(page, 'Secondary phone').textContent()).toBe('—');
    await shoot(page, 'profile');

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete profile' }).click();
    await page.getByText('Ada Lovelace was deleted.').waitFor();
    await page.goBack();
    await page.getByRole('alert').getByText('Deleted', { exact: true }).waitFor();
    await shoot(page, 'profile-deleted');
    await page.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => detailOf(page, 'Lifecycle').textContent()).toBe('Active');
  });

  it('searches, filters and sorts the profiles, keeping each in the address', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    await caller.profiles.create({ firstName: 'Grace', lastName: 'Hopper', tags: ['vip'] });
    await caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace', lifecycle: 'pending' });
    await caller.profiles.create({ firstName: 'Alan', lastName: 'Turing', tags: ['vip'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    const names = () => page.getByRole('row').getByRole('link').allTextContents();
    await expect.poll(names).toEqual(['Alan Turing', 'Ada Lovelace', 'Grace Hopper']);

    const search = page.getByLabel('Search profiles');
    await search.fill('lovel');
    await expect.poll(names).toEqual(['Ada Lovelace']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('lovel');
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await expect.poll(() => focusedElement(page)).toBe('input profile-search');
    await shoot(page, 'profiles-search');

    await search.fill('nobody here');
    await page.getByText('No profile matches “nobody here”').waitFor();
    await page.getByRole('button', { name: 'Clear search' }).first().click();
    await expect.poll(names).toEqual(['Alan Turing', 'Ada Lovelace', 'Grace Hopper']);
    expect(new URL(page.url()).searchParams.has('q')).toBe(false);
    await expect.poll(() => focusedElement(page)).toBe('input profile-search');

    await page.getByLabel('Lifecycle').selectOption({ label: 'Pending' });
    await expect.poll(names).toEqual(['Ada Lovelace']);
    await page.getByLabel('Lifecycle').selectOption({ label: 'All but deleted' });
    await page.getByLabel('Tag').fill('vip');
    await expect.poll(names).toEqual(['Alan Turing', 'Grace Hopper']);
    expect(new URL(page.url()).searchParams.get('tag')).toBe('vip');
    await page.getByLabel('Tag').fill('');
    await expect.poll(names).toEqual(['Alan Turing', 'Ada Lovelace', 'Grace Hopper']);

    const nameHeader = page.getByRole('columnheader', { name: 'Name' });
    await nameHeader.getByRole('button').click();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
    expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(new URL(page.url()).searchParams.get('sort')).toBe('fullName:asc');
    await expect.poll(() => focusedElement(page)).toBe('button Name▲');
    await nameHeader.getByRole('button').click();
    await expect.poll(names).toEqual(['Grace Hopper', 'Alan Turing', 'Ada Lovelace']);
    expect(await nameHeader.getAttribute('aria-sort')).toBe('descending');

    await page.reload();
    await expect.poll(names).toEqual(['Grace Hopper', 'Alan Turing', 'Ada Lovelace']);
    await page.goBack();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper']);
  });

  it('adds an email and a phone to a profile as contact points, and refuses one another profile has', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    await caller.workspaceSettings.update({ defaultPhoneRegion: 'AU' });
    await caller.profiles.create({ firstName: 'Taken', email: 'taken@example.com' });
    const profile = await caller.profiles.create({ firstName: 'Cora', lastName: 'Points' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/profiles/${profile.id}`);
    const section = page.getByRole('region', { name: 'Contact points' });
    await expect.poll(() => section.textContent()).toContain('No email or phone yet.');

    await section.getByLabel('Email address').fill('cora@example.com');
    await section.getByRole('button', { name: 'Add contact point' }).click();
    await expect
      .poll(() => section.getByRole('listitem').allTextContents())
      .toEqual([expect.stringContaining('cora@example.com')]);
    expect(await section.getByRole('listitem').textContent()).toContain('Primary');

    await section.getByLabel('Kind').selectOption('phone');
    await section.getByLabel('Phone number').fill('0412 777 888');
    await section.getByRole('button', { name: 'Add contact point' }).click();
    await expect.poll(() => section.getByRole('listitem').count()).toBe(2);
    expect(await section.textContent()).toContain('+61412777888');

    await section.getByLabel('Kind').selectOption('email');
    await section.getByLabel('Email address').fill('taken@example.com');
    await section.getByRole('button', { name: 'Add contact point' }).click();
    const field = section.getByLabel('Email address');
    await expect.poll(() => descriptionOf(field)).toContain('has this email already');
    expect(await field.getAttribute('aria-invalid')).toBe('true');

    await section.getByRole('button', { name: 'Remove cora@example.com' }).click();
    await expect.poll(() => section.getByRole('listitem').count()).toBe(1);
    expect((await caller.profiles.get({ id: profile.id })).email).toBeNull();
  });

  it('narrows the list by enabled, status, country and creation date, with the search, the sort and Load more', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    await caller.workspaceSettings.update({ statuses: [{ handle: 'staff', name: 'Staff' }] });
    for (let index = 1; index <= 26; index += 1) {
      await caller.profiles.create({
        firstName: 'Paused',
        lastName: String(index).padStart(2, '0'),
        enabled: false,
      });
    }
    await caller.profiles.create({ firstName: 'Grace', lastName: 'Hopper', statuses: ['staff'] });
    await caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace', countryNumericCode: '826' });
    await caller.profiles.create({
      firstName: 'Alan',
      lastName: 'Turing',
      countryNumericCode: '826',
      statuses: ['staff'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    const names = () => page.getByRole('row').getByRole('link').allTextContents();
    const params = () => Object.fromEntries(new URL(page.url()).searchParams);
    await expect.poll(names).toHaveLength(25);

    await page.getByLabel('Status').selectOption({ label: 'Staff' });
    await expect.poll(names).toEqual(['Alan Turing', 'Grace Hopper']);
    await page
      .getByLabel('Country')
      .selectOption({ label: 'United Kingdom of Great Britain and Northern Ireland' });
    await expect.poll(names).toEqual(['Alan Turing']);
    expect(params()).toEqual({ status: 'staff', country: '826' });
    await page.getByLabel('Status').selectOption({ label: 'Any' });
    await expect.poll(names).toEqual(['Alan Turing', 'Ada Lovelace']);
    await page.getByRole('columnheader', { name: 'Name' }).getByRole('button').click();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Alan Turing']);
    await page.getByLabel('Search profiles').fill('turing');
    await expect.poll(names).toEqual(['Alan Turing']);
    expect(params()).toEqual({ country: '826', sort: 'fullName:asc', q: 'turing' });

    await page.reload();
    await expect.poll(names).toEqual(['Alan Turing']);
    expect(await page.getByLabel('Country').inputValue()).toBe('826');
    await page.getByRole('button', { name: 'Clear search' }).click();
    await expect.poll(names).toEqual(['Ada Lovelace', 'Alan Turing']);

    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = (date: Date) =>
      `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    await page.getByLabel('Created from').fill(day(tomorrow));
    await page.getByText('No profile matches these filters').waitFor();
    await page.getByLabel('Created from').fill(day(new Date()));
    await expect.poll(names).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(params()).toMatchObject({ country: '826', createdFrom: day(new Date()) });
    await shoot(page, 'profiles-filters');

    await page.getByRole('button', { name: /^Reset filters/ }).click();
    await expect.poll(names).toHaveLength(25);
    expect(params()).toEqual({ sort: 'fullName:asc' });
    await expect.poll(() => focusedElement(page)).toBe('input profile-search');

    await page.getByLabel('Enabled').selectOption({ label: 'No' });
    await expect.poll(async () => (await names()).every((name) => name.startsWith('Paused'))).toBe(true);
    expect(await names()).toHaveLength(25);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(names).toHaveLength(26);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    expect(params()).toEqual({ sort: 'fullName:asc', enabled: 'false' });
  });

  it('edits a contact point where it is shown, from the keyboard, and refuses a value another profile has', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    await caller.profiles.create({ firstName: 'Taken', email: 'taken@example.com' });
    const profile = await caller.profiles.create({ firstName: 'Cora', email: 'cora@example.com' });
    await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'cora.work@example.com',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/profiles/${profile.id}`);
    const section = page.getByRole('region', { name: 'Contact points' });
    await section.getByRole('button', { name: 'Edit cora.work@example.com' }).waitFor();
    expect(await section.textContent()).toContain('Primary: the profile’s email and mobile phone');

    await section.getByRole('button', { name: 'Edit cora.work@example.com' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedElement(page)).toMatch(/^input contact-point-.+-value$/);
    const field = section.getByRole('listitem').getByRole('textbox').first();
    expect(await field.inputValue()).toBe('cora.work@example.com');
    await page.keyboard.type('taken@example.com');
    await page.keyboard.press('Enter');
    await expect.poll(() => descriptionOf(field)).toContain('has this email already');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedElement(page)).toMatch(/^input contact-point-/);
    await shoot(page, 'contact-point-editing');

    await page.keyboard.press('Escape');
    await expect.poll(() => focusedElement(page)).toBe('button Edit');
    expect(await section.textContent()).toContain('cora.work@example.com');

    await page.keyboard.press('Enter');
    await page.keyboard.type('cora.office@example.com');
    await page.keyboard.press('Enter');
    await section.getByRole('button', { name: 'Edit cora.office@example.com' }).waitFor();
    await expect.poll(() => focusedElement(page)).toBe('button Edit');
    const points = await caller.profiles.contactPoints.list({ profileId: profile.id });
    expect(points.map((point) => point.value).sort()).toEqual([
      'cora.office@example.com',
      'cora@example.com',
    ]);

    await section.getByRole('button', { name: 'Edit cora@example.com' }).click();
    expect(await descriptionOf(field)).toContain(
      'The profile’s email: saving changes it on the profile too.',
    );
    await field.fill('cora.new@example.com');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => detailOf(page, 'Email').textContent()).toBe('cora.new@example.com');
    expect((await caller.profiles.get({ id: profile.id })).email).toBe('cora.new@example.com');
  });

  it('adds addresses in the profile form, one the default, and shows them on the profile', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member } = await server.app.newWorkspace('master');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/profiles/new`);
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');

    await page.getByRole('button', { name: 'Add address' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input addresses.0.label');
    await page.getByRole('group', { name: 'Address 1' }).getByLabel('Label').fill('Home');
    const home = page.getByRole('group', { name: 'Home' });
    await home.getByLabel('Address line 1').fill('12 St James’s Square');
    await home.getByLabel('City').fill('London');
    await home
      .getByLabel('Country')
      .selectOption({ label: 'United Kingdom of Great Britain and Northern Ireland' });
    await page.getByRole('button', { name: 'Add address' }).click();
    await page.getByRole('group', { name: 'Address 2' }).getByLabel('Label').fill('Country house');
    const countryHouse = page.getByRole('group', { name: 'Country house' });
    await countryHouse.getByLabel('Default address').check();
    expect(await home.getByLabel('Default address').isChecked()).toBe(false);

    await page.getByRole('button', { name: 'Create profile' }).click();
    const line1 = countryHouse.getByLabel('Address line 1');
    await expect.poll(() => line1.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedElement(page)).toBe('input addresses.1.line1');
    expect(await descriptionOf(line1)).toContain('Address line 1 is required');
    await shoot(page, 'profile-form-addresses');

    await line1.fill('Ockham Park');
    await countryHouse.getByLabel('City').fill('Ockham');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Ada Lovelace');
    expect(await detailOf(page, 'Default address').textContent()).toBe('Country houseOckham ParkOckham');
    expect(await detailOf(page, 'Other addresses').textContent()).toBe(
      'Home12 St James’s SquareLondonUnited Kingdom of Great Britain and Northern Ireland',
    );
    await shoot(page, 'profile-addresses');

    await page.getByRole('link', { name: 'Edit' }).click();
    await home.getByLabel('Default address').check();
    await page.getByRole('button', { name: 'Remove Country house' }).click();
    await expect.poll(() => focusedElement(page)).toBe('button Add address');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    await expect.poll(() => detailOf(page, 'Default address').textContent()).toContain('Home');
    expect(await detailOf(page, 'Other addresses').textContent()).toBe('—');
  });

  it('lets an admin set a profile’s tier from the workspace’s tiers, and shows it to others', async () => {
    const { server, browser } = started();
    const { url } = server;
    const admin = await server.app.newWorkspace('admin');
    await admin.caller.workspaceSettings.update({
      tiers: [
        { handle: 'silver', name: 'Silver', rank: 1 },
        { handle: 'gold', name: 'Gold', rank: 2 },
      ],
    });
    const profile = await admin.caller.profiles.create({ firstName: 'Tia', lastName: 'Tiered' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, admin.member.email);
    await page.goto(`${url}/profiles/${profile.id}`);

    const tier = page.getByLabel('Tier', { exact: true });
    await tier.selectOption({ label: 'Gold' });
    await page.getByRole('button', { name: 'Set tier' }).click();
    await page.getByText('Tier set.').waitFor();
    expect(await detailOf(page, 'Tier').textContent()).toContain('gold · rank 2');
    expect((await admin.caller.profiles.get({ id: profile.id })).tier?.handle).toBe('gold');
    await expect.poll(() => focusedElement(page)).toBe('button Set tier');
    await shoot(page, 'profile-tier');

    await tier.selectOption({ label: 'No tier' });
    await page.getByRole('button', { name: 'Set tier' }).click();
    await expect.poll(async () => (await admin.caller.profiles.get({ id: profile.id })).tier).toBeNull();

    const agent = await server.app.newWorkspace('agent');
    const seen = await agent.caller.profiles.create({ firstName: 'Una', lastName: 'Tiered' });
    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(agentPage, url, agent.member.email);
    await agentPage.goto(`${url}/profiles/${seen.id}`);
    await agentPage.getByRole('heading', { level: 1, name: 'Una Tiered' }).waitFor();
    expect(await detailOf(agentPage, 'Tier').textContent()).toBe('—');
    expect(await agentPage.getByRole('combobox', { name: 'Tier' }).count()).toBe(0);
  });

  it('shows a profile’s source records and identities to an agent, who adds a record, makes another identity primary and removes an identifier and a record', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('agent');
    const shop = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:ada@example.com',
      identifiers: [{ type: 'external_id', value: 'C-100' }],
      attributes: { plan: 'gold', visits: 3, address: { city: 'London', lines: ['12 St James’s Square'] } },
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/profiles/${shop.profileId}`);

    const records = page.getByRole('region', { name: 'Source records' });
    const shopRecord = records.getByRole('article', { name: 'ada@example.com from shop' });
    await shopRecord.waitFor();
    const identifiersOf = (record: Locator) =>
      record.getByRole('list', { name: 'Identifiers' }).getByRole('listitem').allTextContents();
    expect(await identifiersOf(shopRecord)).toEqual(['external_idC-100×', 'emailada@example.com×']);
    const attributes = await detailOf(page, 'Attributes').textContent();
    expect(attributes).toContain('gold');
    expect(attributes).toContain('London');
    const identities = page.getByRole('region', { name: 'Identities' });
    await expect.poll(() => detailOf(page, 'External id').textContent()).toBe('C-100');
    expect(await identities.getByRole('listitem').allTextContents()).toEqual([
      'shopexternal_idC-100Primary',
      'shopemailada@example.comMake primary',
    ]);

    const query = records.getByLabel('Identifier query');
    const attributesField = records.getByLabel('Attributes');
    await query.fill('crm:contact');
    await records.getByLabel('Name').fill('Ada in the CRM');
    await attributesField.fill('{"stage": lead}');
    await records.getByRole('button', { name: 'Add record' }).click();
    await expect.poll(() => query.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedElement(page)).toBe('input source-record-query');
    expect(await descriptionOf(query)).toContain('An identifier query has four parts');
    expect(await descriptionOf(attributesField)).toContain('Attributes are not valid JSON');
    await shoot(page, 'source-record-form');

    await query.fill('crm:contact:twitter:@AdaL');
    await attributesField.fill('{"stage": "lead", "owner": {"team": "sales", "active": true}}');
    await records.getByRole('button', { name: 'Add record' }).click();
    const crmRecord = records.getByRole('article', { name: 'Ada in the CRM from crm' });
    await crmRecord.waitFor();
    expect(await identifiersOf(crmRecord)).toEqual(['twitter@adal']);
    expect(await query.inputValue()).toBe('');

    await identities.getByRole('button', { name: 'Make @adal from crm primary' }).click();
    await expect.poll(() => detailOf(page, 'External id').textContent()).toBe('@adal');
    await expect.poll(() => focusedElement(page)).toBe('h2 Identities');
    expect((await caller.profiles.identities.list({ profileId: shop.profileId })).externalId).toBe('@adal');
    await shoot(page, 'profile-source-records');

    await shopRecord
      .getByRole('button', { name: 'Remove external_id C-100 from ada@example.com from shop' })
      .click();
    await expect.poll(() => identifiersOf(shopRecord)).toEqual(['emailada@example.com']);
    await expect.poll(() => focusedElement(page)).toBe('button Delete');
    expect((await caller.sourceRecords.get({ id: shop.id })).identifiers).toEqual([
      { type: 'email', value: 'ada@example.com' },
    ]);

    await crmRecord.getByRole('button', { name: 'Delete Ada in the CRM from crm' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete record' }).click();
    await expect.poll(() => crmRecord.count()).toBe(0);
    await expect.poll(() => focusedElement(page)).toBe('h2 Source records');
    expect(await caller.sourceRecords.list({ profileId: shop.profileId })).toHaveLength(1);
    expect(await identities.getByRole('listitem').count()).toBe(3);
  });

  it('looks a source record up by its identifier query and opens the profile it belongs to', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    const record = await caller.sourceRecords.upsert({
      identifierQuery: 'billing:account:external_id:acct:42',
      name: 'Billing account 42',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    const lookup = page.getByLabel('Find by identifier query');
    await lookup.fill('billing:account:external_id');
    await page.getByRole('button', { name: 'Find' }).click();
    await expect.poll(() => lookup.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(lookup)).toContain('An identifier query has four parts');
    await expect.poll(() => focusedElement(page)).toBe('input identifier-lookup');

    await lookup.fill('billing:account:external_id:acct:43');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => descriptionOf(lookup))
      .toContain('No source record answers this identifier query');
    await shoot(page, 'identifier-lookup');

    await lookup.fill('billing:account:external_id:acct:42');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${url}/profiles/${record.profileId}`);
    await expect.poll(() => focusedElement(page)).toBe('h1 Billing account 42');
    const found = page.getByRole('article', { name: 'Billing account 42 from billing' });
    expect(await found.textContent()).toContain('Found by lookup');
    expect(await detailOf(page, 'External id').textContent()).toBe('acct:42');
  });

  it('keeps a profile to the number of source records set in Settings', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    const first = await caller.sourceRecords.upsert({
      identifierQuery: 'shop:customer:email:lin@example.com',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/settings`);

    const limit = page.getByLabel('Source records per profile');
    expect(await limit.inputValue()).toBe('20');
    await limit.fill('101');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => limit.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedElement(page)).toBe('input sourceRecordsPerProfileMax');
    expect(await descriptionOf(limit)).toContain('at most 100 source records');
    await limit.fill('1');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect((await caller.workspaceSettings.get()).sourceRecordsPerProfileMax).toBe(1);

    await page.goto(`${url}/profiles/${first.profileId}`);
    const records = page.getByRole('region', { name: 'Source records' });
    await records.getByText('1 of at most 1').waitFor();
    await records.getByLabel('Identifier query').fill('crm:contact:external_id:L-1');
    await records.getByRole('button', { name: 'Add record' }).click();
    await records.getByText('This profile has 1 source records, as many as the workspace allows').waitFor();
  });

  it('adds a member, changes its role and removes it, refusing at the field what the rules refuse', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Members');
    const memberRow = (name: string) => page.getByRole('row', { name: new RegExp(name) });
    expect(await memberRow('A master').textContent()).toContain('You');

    await page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input name');
    expect(await descriptionOf(page.getByLabel('Role', { exact: true }))).toContain('Choose a role');
    await page.getByLabel('Name').fill('Grace Hopper');
    const email = page.getByLabel('Email');
    await email.fill(member.email);
    await page.getByLabel('Role', { exact: true }).selectOption({ label: 'Admin' });
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => descriptionOf(email)).toContain('has this email already');
    await expect.poll(() => focusedElement(page)).toBe('input email');
    await email.fill('grace@example.com');
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByText('Grace Hopper was added as Admin.').waitFor();
    expect(await memberRow('Grace Hopper').textContent()).toContain('API tokens, none yet');
    await shoot(page, 'members');

    const changeRole = page.getByRole('button', { name: 'Change the role of Grace Hopper' });
    await changeRole.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Super admin' });
    await shoot(page, 'members-change-role');
    await dialog.getByRole('button', { name: 'Change role' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Grace Hopper is now Super admin.').waitFor();
    await expect.poll(() => focusedElement(page)).toBe('button Change role');
    expect(await memberRow('Grace Hopper').textContent()).toContain('Super admin');
    const grace = (await caller.members.list()).find((listed) => listed.email === 'grace@example.com');
    expect(grace?.role).toBe('super_admin');

    await page.getByRole('button', { name: 'Change the role of A master' }).click();
    await dialog.getByLabel('Role', { exact: true }).selectOption({ label: 'Admin' });
    await dialog.getByRole('button', { name: 'Change role' }).click();
    await expect
      .poll(() => descriptionOf(dialog.getByLabel('Role', { exact: true })))
      .toContain('only master');
    await shoot(page, 'members-last-master');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByRole('button', { name: 'Remove Grace Hopper' }).click();
    expect(await dialog.textContent()).toContain('Grace Hopper (grace@example.com) is signed out at once');
    await shoot(page, 'members-remove');
    await dialog.getByRole('button', { name: 'Remove member' }).click();
    await page.getByText('Grace Hopper was removed.').waitFor();
    await expect.poll(() => focusedElement(page)).toBe('h2 Members of this workspace');
    expect((await caller.members.list()).map((listed) => listed.email)).toEqual([member.email]);

    const admin = await server.app.newWorkspace('admin');
    const adminPage = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await signIn(adminPage, url, admin.member.email);
    await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await adminPage.getByText('Your role may see the members but not change them.').waitFor();
    expect(await adminPage.getByRole('row', { name: /A admin/ }).textContent()).toContain('Admin');
    expect(await adminPage.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    await shoot(adminPage, 'members-admin');

    const agent = await server.app.newWorkspace('agent');
    const agentPage = await browser.newPage();
    await signIn(agentPage, url, agent.member.email);
    expect(
      await agentPage
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Members' })
        .count(),
    ).toBe(0);
  });

  it('serves the console compressed, its hashed files cached for good and its page checked each time', async () => {
    const { server } = started();
    const { url } = server;
    const index = await fetch(`${url}/`, { headers: { 'accept-encoding': 'br' } });
    expect(index.headers.get('cache-control')).toBe('no-cache');
    const script = /<script type="module" crossorigin src="([^"]+\.js)"/.exec(await index.text())?.[1];
    expect(script).toMatch(/^\/assets\//);

    const asset = await fetch(`${url}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe('br');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');

    const icon = await fetch(`${url}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\//);
  });
});
