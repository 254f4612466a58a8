import { describe, expect, it } from 'vitest';
import { shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

describe('survey responses on a profile page', () => {
  it('shows the latest score of each survey in the header and opens the responses, newest first, with Load more', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const owner = await app.newWorkspace('master');
    const { caller } = owner;
    const ada = await caller.profiles.create({
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
    });
    const grace = await caller.profiles.create({ firstName: 'Grace', lastName: 'Hopper' });
    const response = (
      id: string,
      survey: string,
      score: number | null,
      answer: string | null,
      minutes: number,
    ) => ({
      id,
      profileId: ada.id,
      survey,
      question:
        survey === 'NPS' ? 'How likely are you to recommend us to a friend?' : 'How was your week with us?',
      answer,
      score,
      respondedAt: minutesAgo(minutes),
    });
    await caller.surveys.record({
      responses: [
        response('nps-1', 'NPS', 6, 'Setup took a while', 60 * 24 * 30),
        response('nps-2', 'NPS', 9, 'Support answered within the hour', 60 * 24 * 2),
        response('csat-1', 'CSAT', 4.5, null, 60 * 24 * 5),
        ...Array.from({ length: 23 }, (_, index) =>
          response(
            `pulse-${index}`,
            'Weekly pulse',
            null,
            `Week ${23 - index}: fine`,
            60 * 24 * 7 * (index + 1) + 1,
          ),
        ),
      ],
    });

    const page = await browser.newPage();
    await signIn(page, url, owner.member.email);

    // The scores fail to load once, and load on Retry.
    let isFailing = true;
    await page.route(
      (address) => address.pathname.includes('surveys.latest'),
      (route) => (isFailing ? route.fulfill({ status: 503, body: 'unavailable' }) : route.continue()),
    );
    await page.goto(`${url}/profiles/${ada.id}`);
    await page.getByRole('heading', { level: 1, name: 'Ada Lovelace' }).waitFor();
    const surveys = page.getByRole('region', { name: 'Surveys' });
    await surveys.getByText('Could not load the survey scores').waitFor();
    isFailing = false;
    await surveys.getByRole('button', { name: 'Retry' }).click();

    // Until the scores arrive, the only button is Retry, then none while they load.
    const scores = surveys.getByRole('button');
    const scoreTexts = async () => (await scores.allTextContents()).map((text) => text.replace(/\s/g, ' '));
    await expect
      .poll(scoreTexts)
      .toEqual([
        expect.stringMatching(/^NPS9[A-Z][a-z]{2} \d+, \d{4}$/) as string,
        expect.stringMatching(/^CSAT4\.5/) as string,
        expect.stringMatching(/^Weekly pulseNo score/) as string,
      ]);
    // Everything on the page loads again without the failure, for the screenshots.
    await page.unrouteAll();
    await page.reload();
    await scores.first().waitFor();
    await shoot(page, 'surveys-header');

    await scores.filter({ hasText: 'NPS' }).click();
    const dialog = page.getByRole('dialog', { name: 'Survey responses of Ada Lovelace' });
    const items = dialog.getByRole('list', { name: 'Survey responses, newest first' }).getByRole('listitem');
    await items.first().waitFor();
    expect(await items.count()).toBe(20);
    const first = await items.first().textContent();
    expect(first).toContain('NPS');
    expect(first).toContain('Support answered within the hour');
    expect(await items.nth(1).textContent()).toMatch(/^CSAT4\.5.*How was your week with us\?$/);
    await dialog.getByRole('status').filter({ hasText: 'Showing the latest 20 responses' }).waitFor();
    await shoot(page, 'surveys-dialog', { isFullPage: false });

    await dialog.getByRole('button', { name: 'Load more' }).click();
    await dialog.getByRole('status').filter({ hasText: '26 responses' }).waitFor();
    expect(await items.count()).toBe(26);
    expect(await items.last().textContent()).toContain('Week 1: fine');
    expect(await dialog.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    await shoot(page, 'surveys-dialog-all', { isFullPage: false });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.goto(`${url}/profiles/${grace.id}`);
    await page.getByRole('heading', { level: 1, name: 'Grace Hopper' }).waitFor();
    await page.getByRole('region', { name: 'Surveys' }).getByText('No survey responses yet.').waitFor();
  });
});
