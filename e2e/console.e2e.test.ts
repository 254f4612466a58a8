import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestServer, testPassword, type TestServer } from '@tessera/api/testing';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const webDist = fileURLToPath(new URL('../apps/web/dist', import.meta.url));

let server: TestServer | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  if (!existsSync(`${webDist}/index.html`)) {
    throw new Error(
      `The console is not built (${webDist}/index.html is missing): run \`pnpm --filter @tessera/web build\` first.`,
    );
  }
  server = await startTestServer({ webDist });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The text that describes a field to assistive technology: its error and hint. */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** The value shown next to a term in a description list. */
function detailOf(page: Page, term: string): Locator {
  return page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

describe('console', () => {
  it('signs in, creates a profile, finds it, opens it and edits it', async () => {
    if (!server || !browser) throw new Error('beforeAll did not finish');
    const { app, url } = server;
    const { member, caller } = await app.newWorkspace('master');
    const page = await browser.newPage();

    await page.goto(`${url}/profiles`);
    await page.waitForURL(`${url}/sign-in`);
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('The email or the password is wrong').waitFor();
    expect(await descriptionOf(page.getByLabel('Password'))).toContain('The email or the password is wrong');

    await page.getByLabel('Password').fill(testPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Profiles' }).waitFor();
    expect(page.url()).toBe(`${url}/profiles`);
    expect(await page.title()).toBe('Profiles · Tessera');
    expect(await page.getByRole('banner').textContent()).toContain(member.workspaceName);
    expect(await page.getByRole('banner').textContent()).toContain(member.email);
    await page.getByText('No profiles yet — create the first one').waitFor();

    await page.getByRole('link', { name: 'New profile' }).first().click();
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Email').fill('Ada@Example.com');
    await page.getByRole('button', { name: 'Create profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    expect(await row.textContent()).toContain('ada@example.com');
    await row.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    const profileId = page.url().split('/').at(-1) ?? '';
    expect(await detailOf(page, 'Version').textContent()).toBe('1');

    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Edit profile' }).waitFor();
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
    await page.getByRole('heading', { level: 1, name: 'Ada Byron' }).waitFor();
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
    expect(await page.getByLabel('Middle name').inputValue()).toBe('');
    await page.getByLabel('Middle name').fill('King');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Augusta King Byron' }).waitFor();
    expect(await detailOf(page, 'Version').textContent()).toBe('4');
  });
});
