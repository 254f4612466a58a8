import { describe, expect, it } from 'vitest';
import { descriptionOf, focusedElement, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

describe('settings and contact points', () => {
  it('refuses to remove a tier that profiles hold, at its entry with the count, and keeps it', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    await caller.workspaceSettings.update({
      tiers: [
        { handle: 'silver', name: 'Silver', rank: 1 },
        { handle: 'gold', name: 'Gold', rank: 2 },
      ],
    });
    for (const firstName of ['Goldie', 'Aurum']) {
      const profile = await caller.profiles.create({ firstName });
      await caller.profiles.setTier({ id: profile.id, tier: 'gold' });
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/settings`);

    await page.getByRole('button', { name: 'Remove Gold' }).click();
    await expect.poll(() => focusedElement(page)).toBe('button Keep');
    await page.getByRole('button', { name: 'Save settings' }).click();
    const handle = page.getByRole('group', { name: 'Gold, removed when you save' }).getByLabel('Handle');
    await expect.poll(() => handle.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(handle)).toContain('2 profiles hold the tier Gold');
    await expect.poll(() => focusedElement(page)).toBe('input tiers.1.handle');
    await shoot(page, 'settings-setting-in-use');
    expect((await caller.workspaceSettings.get()).tiers.map((tier) => tier.handle)).toEqual([
      'silver',
      'gold',
    ]);

    await page.getByRole('button', { name: 'Keep Gold' }).click();
    await page.getByRole('button', { name: 'Remove Silver' }).click();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect((await caller.workspaceSettings.get()).tiers.map((tier) => tier.handle)).toEqual(['gold']);
    await expect.poll(() => page.getByRole('button', { name: /^Remove / }).count()).toBe(1);
  });

  it('makes another email primary, keeping the former one, and sets a contact point’s uuid', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    const profile = await caller.profiles.create({ firstName: 'Mae', email: 'mae@example.com' });
    const work = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'mae@work.test',
    });
    await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'mae@home.test',
      uuid: 'crm-7',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.goto(`${url}/profiles/${profile.id}`);
    const section = page.getByRole('region', { name: 'Contact points' });
    await section.getByRole('button', { name: 'Make mae@work.test the primary email' }).click();
    await expect.poll(() => focusedElement(page)).toBe('button Edit');
    await expect
      .poll(async () => (await caller.profiles.get({ id: profile.id })).email)
      .toBe('mae@work.test');
    await expect
      .poll(() => section.getByRole('button', { name: /^Make .* primary/ }).allTextContents())
      .toHaveLength(2);
    expect(await section.getByRole('listitem').filter({ hasText: 'mae@work.test' }).textContent()).toContain(
      'Primary',
    );
    expect(await section.textContent()).toContain('uuid crm-7');

    await section.getByRole('button', { name: 'Edit mae@example.com' }).click();
    const uuid = section.getByLabel(/^Uuid/).first();
    await uuid.fill('crm-7');
    await section.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => descriptionOf(uuid))
      .toContain('Another contact point of this profile has this uuid');
    await expect.poll(() => focusedElement(page)).toMatch(/^input contact-point-.+-uuid$/);
    await uuid.fill('crm-8');
    await section.getByRole('button', { name: 'Save' }).click();
    await section.getByRole('button', { name: 'Edit mae@example.com' }).waitFor();
    expect(await section.textContent()).toContain('uuid crm-8');
    await shoot(page, 'contact-points-primary');
    const points = await caller.profiles.contactPoints.list({ profileId: profile.id });
    expect(points.find((point) => point.id === work.id)).toMatchObject({ isPrimary: true });
    expect(points.find((point) => point.value === 'mae@example.com')).toMatchObject({
      isPrimary: false,
      uuid: 'crm-8',
    });
  });
});
