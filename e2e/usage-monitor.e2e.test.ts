import { describe, expect, it } from 'vitest';
import { descriptionOf, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

/** The calendar day `days` before today, in UTC (the time zone of a new workspace). */
const dayBefore = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
/** Noon UTC of that day. */
const noonOf = (day: string) => new Date(`${day}T12:00:00Z`);

describe('the usage monitor', () => {
  it('draws usage across organizations with the busiest, its view kept in the address', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const owner = await app.newWorkspace('master');
    const { caller } = owner;
    const ada = await caller.profiles.create({ firstName: 'Ada', email: 'ada@example.com' });
    const organizations = [];
    for (const name of ['Acme Corporation', 'Globex', 'Initech']) {
      const { id } = await caller.organizations.create({ name });
      await caller.memberships.create({ organizationId: id, profileId: ada.id });
      organizations.push(id);
    }
    const modules = ['Billing', 'Reports', 'Dashboards'];
    const events = [];
    // Acme uses the most, Initech the least; Billing the most, Dashboards the least.
    for (let day = 1; day <= 20; day++) {
      for (const [organizationIndex, organizationId] of organizations.entries()) {
        for (const [moduleIndex, module] of modules.entries()) {
          const uses = Math.max(0, 4 - organizationIndex - moduleIndex + (day % 3));
          for (let use = 0; use < uses; use++) {
            events.push({
              id: `${day}-${organizationIndex}-${moduleIndex}-${use}`,
              organizationId,
              profileId: ada.id,
              module,
              activity: 'Open',
              occurredAt: noonOf(dayBefore(day)),
            });
          }
        }
      }
    }
    for (let index = 0; index < events.length; index += 500)
      await caller.usage.ingest({ events: events.slice(index, index + 500) });

    const page = await browser.newPage();
    await signIn(page, url, owner.member.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    const chart = page.getByRole('img', { name: /^Usage per day/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toContain(`, most in Billing`);
    await page.locator('.usage-chart .recharts-bar-rectangle').first().waitFor();
    expect(page.url()).toBe(`${url}/usage`);

    const busiestOrganizations = page.getByRole('region', { name: 'Busiest organizations' });
    expect(await busiestOrganizations.getByRole('listitem').allTextContents()).toEqual([
      expect.stringMatching(/^Acme Corporation\d+$/) as string,
      expect.stringMatching(/^Globex\d+$/) as string,
      expect.stringMatching(/^Initech\d+$/) as string,
    ]);
    expect(
      (
        await page.getByRole('region', { name: 'Busiest modules' }).getByRole('listitem').allTextContents()
      ).map((text) => text.replace(/\d+$/, '')),
    ).toEqual(modules);

    await page.getByLabel('Group by').selectOption('organization');
    await page.getByLabel('Interval').selectOption('week');
    await page.getByRole('heading', { name: /per week by organization$/ }).waitFor();
    await page.getByLabel('From', { exact: true }).fill(dayBefore(13));
    await page.getByRole('img', { name: new RegExp(`^Usage per week from ${dayBefore(13)}`) }).waitFor();
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({
      from: dayBefore(13),
      to: dayBefore(0),
      groupBy: 'organization',
      interval: 'week',
    });
    expect(
      await page.locator('.recharts-legend-item-text').allTextContents(),
      'the organizations, busiest first',
    ).toEqual(['Acme Corporation', 'Globex', 'Initech']);
    await shoot(page, 'usage-monitor');

    // The same view after a reload, from the address alone.
    await page.reload();
    await page.getByRole('heading', { name: /per week by organization$/ }).waitFor();
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(dayBefore(13));

    // A range longer than a year is refused at its field, before anything is asked for.
    await page.getByLabel('From', { exact: true }).fill('2020-01-01');
    const to = page.getByLabel('To', { exact: true });
    await page.getByText('A summary spans at most 366 days').waitFor();
    expect(await descriptionOf(to)).toContain('A summary spans at most 366 days');
    expect(await to.getAttribute('aria-invalid')).toBe('true');

    // No usage in the range: said so.
    await page.getByLabel('From', { exact: true }).fill('2021-01-01');
    await page.getByLabel('To', { exact: true }).fill('2021-01-31');
    await page.getByText('No usage in these days').waitFor();
    await page.close();
  });

  it('says when the usage cannot be loaded, and loads it again on Retry', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const owner = await app.newWorkspace('master');
    const page = await browser.newPage();
    await signIn(page, url, owner.member.email);
    let isFailing = true;
    await page.route('**/trpc/usage.summary**', (route) =>
      isFailing ? route.fulfill({ status: 503, body: 'unavailable' }) : route.fallback(),
    );
    await page.goto(`${url}/usage`);
    const alert = page.getByRole('alert').filter({ hasText: 'Could not load the usage' });
    await alert.waitFor();
    isFailing = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    await page.getByText('No usage in these days').waitFor();
    await page.close();
  });
});
