import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { descriptionOf, focusedElement, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

/** Reference 000's seed example, with a workflow it names as default. */
const document = [
  {
    object_type: 'profiles',
    data: {
      title: 'Customer Profile',
      slug: 'customer-profile',
      type: 'contacts',
      object_type: 'contacts',
      attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
      default_workflow: 'onboarding',
    },
  },
  {
    object_type: 'workflows',
    data: {
      slug: 'onboarding',
      name: 'Onboarding',
      object_type: 'contacts',
      stages: [
        { slug: 'new', name: 'New' },
        { slug: 'active', name: 'Active' },
      ],
    },
  },
];

describe('the seed file page', () => {
  it('previews an import, applies it, refuses a bad file naming the entry, and exports', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const { member, caller } = await app.newWorkspace('master');
    for (const [slug, label, dataType] of [
      ['pet_name', 'Pet name', 'text'],
      ['favorite_book', 'Favorite book', 'text'],
      ['monthly_expenses', 'Monthly expenses', 'number'],
    ] as const) {
      await caller.attributeDefinitions.create({ objectKind: 'contacts', slug, label, dataType });
    }
    const page = await browser.newPage();
    await signIn(page, url, member.email);
    await page.goto(`${url}/customer-data/seed-file`);
    await page.getByRole('heading', { level: 1, name: 'Seed file' }).waitFor();
    expect(await page.title()).toBe('Seed file · Tessera');

    const json = page.getByLabel('Or paste its JSON');
    const previewButton = page.getByRole('button', { name: 'Preview' });
    const misspelt = [
      document[1],
      { ...document[0], data: { ...document[0]?.data, attributes: ['pet_name', 'pet_nme'] } },
    ];
    await json.fill(JSON.stringify(misspelt, null, 2));
    await previewButton.click();
    const refusal = page.getByRole('alert').filter({ hasText: 'The seed file was refused' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('document.1.data.attributes.1');
    expect(await refusal.textContent()).toContain('entry 1: No contacts attribute has the slug pet_nme');
    expect(await json.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(json)).toContain('entry 1: No contacts attribute has the slug pet_nme');
    await shoot(page, 'seed-file-refused');

    await json.fill('[{"object_type": ');
    await previewButton.click();
    await page.getByText('This is not JSON').waitFor();

    await json.fill(JSON.stringify(document, null, 2));
    expect(await refusal.count()).toBe(0);
    await previewButton.click();
    await expect.poll(() => focusedElement(page)).toBe('h3 Preview: nothing has changed yet');
    const toCreate = page.getByRole('region', { name: /To create/ });
    expect(await toCreate.getByRole('listitem').allTextContents()).toEqual([
      'Profile typecustomer-profile',
      'Workflowonboarding',
    ]);
    expect(await caller.profileTypes.list({})).toEqual([]);
    await shoot(page, 'seed-file-preview');

    await page.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h3 Imported');
    await page.getByText('2 created, 0 updated, 0 left as they were.').waitFor();
    expect(
      await page
        .getByRole('region', { name: /^Created/ })
        .getByRole('listitem')
        .count(),
    ).toBe(2);
    const [type] = await caller.profileTypes.list({});
    expect(type).toMatchObject({
      slug: 'customer-profile',
      attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
    });
    expect(type?.defaultWorkflowId).not.toBeNull();
    await shoot(page, 'seed-file-applied');

    await page.getByLabel('Seed file').setInputFiles({
      name: 'seed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(document)),
    });
    expect(JSON.parse(await json.inputValue())).toEqual(document);
    await previewButton.click();
    await page.getByText('Everything in this file is already here').waitFor();
    expect(
      await page
        .getByRole('region', { name: /Already as in the file/ })
        .getByRole('listitem')
        .count(),
    ).toBe(2);
    expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export seed file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`seed-${member.workspaceSlug}.json`);
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as { object_type: string }[];
    expect(saved.map((entry) => entry.object_type)).toEqual([
      'attributes',
      'attributes',
      'attributes',
      'workflows',
      'profiles',
    ]);
    const shown = page.getByLabel(`Contents of seed-${member.workspaceSlug}.json`);
    expect(JSON.parse((await shown.textContent()) ?? '')).toEqual(saved);
    await shoot(page, 'seed-file-exported');
    await page.close();
  });

  it('lets a member who may not change the structure export only', async () => {
    const { server, browser } = started();
    const { app, url } = server;
    const { member } = await app.newWorkspace('viewer');
    const page = await browser.newPage();
    await signIn(page, url, member.email);
    await page.goto(`${url}/customer-data/seed-file`);
    await page.getByRole('heading', { level: 1, name: 'Seed file' }).waitFor();
    await page.getByText('Your role may export the structure but not import it').waitFor();
    expect(await page.getByRole('heading', { name: 'Import' }).count()).toBe(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export seed file' }).click(),
    ]);
    expect(JSON.parse(await readFile(await download.path(), 'utf8'))).toEqual([]);
    await shoot(page, 'seed-file-viewer');
    await page.close();
  });
});
