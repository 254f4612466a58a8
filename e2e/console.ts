import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startTestServer, testPassword, type TestServer } from '@tessera/api/testing';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const webDist = fileURLToPath(new URL('../apps/web/dist', import.meta.url));
const shotsDir = process.env.CONSOLE_SHOTS_DIR ?? '/tmp/console-shots-2';

export interface Console {
  server: TestServer;
  browser: Browser;
}

/**
 * Starts a Tessera server serving the built console, and a headless Chromium, for the tests of the
 * file that calls it, and closes both after them. The answer is read inside a test.
 */
export function useConsole(): () => Console {
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
  return () => {
    if (!server || !browser) throw new Error('beforeAll did not finish');
    return { server, browser };
  };
}

/** The text that describes a field to assistive technology: its error and hint. */
export async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

/** What has the focus, as a person would name it: `h1 Profiles`, `a Ada Lovelace`, `input email`, or `body`. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'body';
    const name = element instanceof HTMLInputElement ? element.id : (element.textContent ?? '').trim();
    return `${element.tagName.toLowerCase()} ${name}`;
  });
}

export async function signIn(page: Page, url: string, email: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(testPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: 'Profiles' }).waitFor();
}

/**
 * Screenshots at a desktop width and at a phone's, to look at: of the full page, or with
 * `isFullPage: false` of what the screen shows (a modal dialog as a person sees it).
 */
export async function shoot(page: Page, name: string, { isFullPage = true } = {}): Promise<void> {
  mkdirSync(shotsDir, { recursive: true });
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${shotsDir}/${name}-desktop.png`, fullPage: isFullPage });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shotsDir}/${name}-390.png`, fullPage: isFullPage });
  await page.setViewportSize(viewport);
}

/** The value shown next to a term in a description list. */
export function detailOf(page: Page, term: string): Locator {
  return page
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}
