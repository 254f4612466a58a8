import { describe, expect, it } from 'vitest';
import { focusedElement, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

describe('history and API tokens', () => {
  it('shows a profile’s history field by field, newest first, with Load more', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('agent');
    const ada = await caller.profiles.create({
      firstName: 'Ada',
      lastName: 'Byron',
      email: 'ada@example.com',
    });
    await caller.profiles.update({ id: ada.id, lastName: 'Lovelace', tags: ['math', 'engines'] });
    for (let count = 1; count <= 20; count++) {
      await caller.profiles.update({ id: ada.id, occupation: `Analyst ${count}` });
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/profiles/${ada.id}`);
    const history = page.getByRole('region', { name: 'History' });
    await history.getByRole('listitem').first().waitFor();

    const entries = history.locator('.history-entry');
    expect(await entries.count()).toBe(20);
    const latest = entries.first();
    expect(await latest.textContent()).toContain('Update (profile)');
    expect(await latest.textContent()).toContain(
      `by ${member.name} (${member.email}) through API token “tests”`,
    );
    const occupation = latest.getByRole('row', { name: /Occupation/ });
    expect(await occupation.getByRole('cell').allTextContents()).toEqual(['Analyst 19', 'Analyst 20']);
    expect(await history.getByRole('status').textContent()).toBe('Showing the latest 20 changes');

    await history.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => entries.count()).toBe(22);
    expect(await history.getByRole('status').textContent()).toBe('22 changes');
    const renamed = entries.nth(20);
    expect(
      await renamed
        .getByRole('row', { name: /Last name/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['Byron', 'Lovelace']);
    expect(await renamed.getByRole('row', { name: /Tags/ }).getByRole('cell').allTextContents()).toEqual([
      'none',
      'math, engines',
    ]);
    expect(await entries.nth(21).textContent()).toContain('Create (profile)');
    await history.scrollIntoViewIfNeeded();
    await shoot(page, 'profile-history');
  });

  it('lets an agent make a read-only token of its own and revoke it, and shows only its own', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member } = await server.app.newWorkspace('agent');
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 API tokens');
    await page.getByRole('heading', { name: 'Your tokens' }).waitFor();
    await page.getByLabel('Token name').fill('Dashboard');
    await page.getByLabel('Read-only').check();
    await page.getByRole('button', { name: 'Create token' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h2 Copy the token “Dashboard” now');
    const secret = await page.getByLabel('New API token').inputValue();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h2 Your tokens');

    const row = page.getByRole('row', { name: /Dashboard/ });
    expect(await row.textContent()).toContain('Read-only');
    expect(await page.getByRole('row', { name: /tests/ }).textContent()).not.toContain('Read-only');
    await shoot(page, 'tokens-agent');

    const refused = await fetch(`${url}/trpc/profiles.create`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ json: { firstName: 'Ada' } }),
    });
    expect(refused.status).toBe(403);

    await page.getByRole('button', { name: 'Revoke Dashboard' }).click();
    await page.getByRole('button', { name: 'Revoke token' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked');
  });
});
