import { testPassword } from '@tessera/api/testing';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { descriptionOf, detailOf, focusedElement, shoot, signIn, useConsole } from './console.ts';

const started = useConsole();

/** The id of what has the focus; a select's text would be all its options. */
function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id ?? '');
}

function byId(page: Page, id: string) {
  return page.locator(`[id="${id}"]`);
}

describe('customer data', () => {
  it('lets a master define attributes, a workflow and a profile type, which an agent then adopts on a profile', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    const ada = await caller.profiles.create({ firstName: 'Ada', lastName: 'Lovelace' });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customer data' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Profile types');
    expect(page.url()).toBe(`${url}/customer-data/profile-types`);
    await page.getByText('No contacts profile types yet.').waitFor();
    const subNav = page.getByRole('navigation', { name: 'Customer data' });
    expect(await subNav.getByRole('link').allTextContents()).toEqual([
      'Profile types',
      'Attributes',
      'Workflows',
      'Seed file',
    ]);
    expect(await subNav.getByRole('link', { name: 'Seed file' }).getAttribute('href')).toBe(
      '/customer-data/seed-file',
    );

    // A number attribute with bounds.
    await subNav.getByRole('link', { name: 'Attributes' }).click();
    await page.getByRole('link', { name: 'New attribute' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 New attribute');
    await page.getByLabel('Data type').selectOption({ label: 'Number' });
    await page.getByLabel('Label', { exact: true }).fill('Monthly budget');
    expect(await page.getByLabel('Slug').inputValue()).toBe('monthly_budget');
    await page.getByLabel('Minimum').fill('0');
    await page.getByLabel('Maximum').fill('1000');
    await shoot(page, 'attribute-form');
    await page.getByRole('button', { name: 'Create attribute' }).click();
    await page.getByText('Monthly budget was created.').waitFor();
    await expect.poll(() => focusedElement(page)).toBe('h1 Attributes');

    // A select attribute: without options the API refuses it, at the options.
    await page.getByRole('link', { name: 'New attribute' }).click();
    await page.getByLabel('Data type').selectOption({ label: 'Select one' });
    await page.getByLabel('Label', { exact: true }).fill('Plan');
    await page.getByRole('button', { name: 'Create attribute' }).click();
    await page.getByText('An attribute of type single_select needs at least one option').waitFor();
    await expect.poll(() => focusedElement(page)).toBe('button Add option');
    expect(await descriptionOf(page.getByRole('button', { name: 'Add option' }))).toContain(
      'at least one option',
    );
    await page.getByRole('button', { name: 'Add option' }).click();
    await expect.poll(() => focusedId(page)).toBe('options.0.value');
    await byId(page, 'options.0.value').fill('gold');
    await byId(page, 'options.0.label').fill('Gold');
    await page.getByRole('button', { name: 'Add option' }).click();
    await byId(page, 'options.1.value').fill('silver');
    await page.getByRole('button', { name: 'Move silver up' }).click();
    await expect.poll(() => focusedId(page)).toBe('options-0-up');
    expect(await byId(page, 'options.0.value').inputValue()).toBe('silver');
    await page.getByRole('button', { name: 'Create attribute' }).click();
    await page.getByText('Plan was created.').waitFor();
    const planCard = page.getByRole('article', { name: 'Plan' });
    expect(await planCard.textContent()).toContain('silver, Gold');
    await shoot(page, 'customer-data-attributes');

    // A workflow of two stages.
    await subNav.getByRole('link', { name: 'Workflows' }).click();
    await page.getByRole('link', { name: 'New workflow' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Onboarding');
    await byId(page, 'stages.0.name').fill('Welcome');
    expect(await byId(page, 'stages.0.slug').inputValue()).toBe('welcome');
    await page.getByRole('button', { name: 'Add stage' }).click();
    await expect.poll(() => focusedId(page)).toBe('stages.1.name');
    await byId(page, 'stages.1.name').fill('Active');
    await shoot(page, 'workflow-form');
    await page.getByRole('button', { name: 'Create workflow' }).click();
    await page.getByText('Onboarding was created.').waitFor();
    expect(
      await page.getByRole('list', { name: 'Stages of Onboarding' }).getByRole('listitem').allTextContents(),
    ).toEqual(['Welcome', 'Active']);
    await shoot(page, 'customer-data-workflows');

    // A profile type bundling both, in a colour, starting records in the workflow.
    await subNav.getByRole('link', { name: 'Profile types' }).click();
    await page.getByRole('link', { name: 'New profile type' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 New profile type');
    await page.getByRole('button', { name: 'Create profile type' }).click();
    await expect.poll(() => focusedElement(page)).toBe('input title');
    expect(await descriptionOf(page.getByLabel('Title'))).toContain('Title is required');
    await page.getByLabel('Title').fill('Customer Profile');
    expect(await page.getByLabel('Slug').inputValue()).toBe('customer-profile');
    await byId(page, 'badgeColor').fill('#F5C518');
    const addAttribute = page.getByLabel('Add an attribute');
    await addAttribute.selectOption({ label: 'Monthly budget' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await addAttribute.selectOption({ label: 'Plan' });
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Default workflow').selectOption({ label: 'Onboarding' });
    await byId(page, 'defaultValues.plan').selectOption({ label: 'Gold' });
    await shoot(page, 'profile-type-form');
    await page.getByRole('button', { name: 'Create profile type' }).click();
    await page.getByText('Customer Profile was created.').waitFor();
    const typeCard = page.getByRole('article', { name: 'Customer Profile' });
    expect(await typeCard.textContent()).toContain('customer-profile');
    expect(await detailOf(page, 'Attributes').textContent()).toBe('2 attributesMonthly budget, Plan');
    expect(await detailOf(page, 'Default workflow').textContent()).toBe('Onboarding');
    const cardBadge = typeCard.locator('.type-badge');
    expect(await cardBadge.evaluate((badge) => getComputedStyle(badge).backgroundColor)).toBe(
      'rgb(245, 197, 24)',
    );
    // Yellow takes the dark text, which contrasts more than white would.
    expect(await cardBadge.evaluate((badge) => getComputedStyle(badge).color)).toBe('rgb(28, 33, 39)');
    await shoot(page, 'customer-data-profile-types');

    // On the profile: attach, edit the values, move in the workflow.
    await page.goto(`${url}/profiles/${ada.id}`);
    const types = page.getByRole('region', { name: 'Profile types' });
    await types.getByText('This profile has no profile types yet.').waitFor();
    await types.getByLabel('Attach a profile type').selectOption({ label: 'Customer Profile' });
    await shoot(page, 'profile-attach-type');
    await types.getByRole('button', { name: 'Attach', exact: true }).click();
    const badges = types.getByRole('list', { name: 'Profile types' });
    await expect.poll(() => badges.getByRole('listitem').allTextContents()).toEqual(['Customer Profile']);
    expect(await detailOf(page, 'Plan').textContent()).toBe('Gold');
    expect(await detailOf(page, 'Monthly budget').textContent()).toBe('—');
    const stage = page.getByRole('region', { name: 'Workflows' }).getByLabel('Onboarding');
    await expect
      .poll(async () => (await stage.locator('option:checked').textContent()) ?? '')
      .toBe('Welcome');

    await types.getByRole('button', { name: 'Edit the values of Customer Profile' }).click();
    await expect.poll(() => focusedId(page)).toBe('attributes.monthly_budget');
    const budget = page.getByLabel('Monthly budget');
    await budget.fill('5000');
    await page.getByLabel('Plan').selectOption({ label: 'silver' });
    await shoot(page, 'profile-values-form');
    await page.getByRole('button', { name: 'Save values' }).click();
    await expect.poll(() => budget.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(budget)).toContain('Monthly budget must be a number from 0 to 1000');
    await expect.poll(() => focusedId(page)).toBe('attributes.monthly_budget');
    await budget.fill('250');
    await page.getByRole('button', { name: 'Save values' }).click();
    await expect.poll(() => detailOf(page, 'Monthly budget').textContent()).toBe('250');
    expect(await detailOf(page, 'Plan').textContent()).toBe('silver');
    await expect.poll(() => focusedElement(page)).toBe('button Edit values');
    expect((await caller.profiles.get({ id: ada.id })).attributes).toEqual({
      monthly_budget: 250,
      plan: 'silver',
    });

    await stage.selectOption({ label: 'Active' });
    await page.getByRole('button', { name: 'Move', exact: true }).click();
    await page.getByText('Moved to Active.').waitFor();
    const [onboarding] = await caller.workflows.list({ objectKind: 'contacts' });
    const [placement] = await caller.workflows.recordStages({ objectKind: 'contacts', recordId: ada.id });
    expect(placement?.stageId).toBe(onboarding?.stages[1]?.id);
    await shoot(page, 'profile-with-types');

    // A change that could break the value the profile holds is refused, saying how many hold one.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Customer data' }).click();
    await page
      .getByRole('navigation', { name: 'Customer data' })
      .getByRole('link', { name: 'Attributes' })
      .click();
    await page.getByRole('link', { name: 'Edit Monthly budget' }).click();
    await page.getByLabel('Maximum').fill('100');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('1 record(s) hold values of Monthly budget').waitFor();

    // A rename shows on the profile and in the list.
    await page
      .getByRole('navigation', { name: 'Customer data' })
      .getByRole('link', { name: 'Profile types' })
      .click();
    await page.getByRole('link', { name: 'Edit Customer Profile' }).click();
    await expect.poll(() => focusedElement(page)).toBe('h1 Edit Customer Profile');
    await page.getByLabel('Title').fill('Premium Customer');
    expect(await page.getByLabel('Slug').inputValue()).toBe('customer-profile');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Premium Customer was saved.').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profiles' }).click();
    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    await expect
      .poll(() => row.getByRole('list', { name: 'Profile types' }).textContent())
      .toBe('Premium Customer');
    await shoot(page, 'profiles-with-type-badges');
    await row.getByRole('link', { name: 'Ada Lovelace' }).click();
    await expect.poll(() => badges.getByRole('listitem').allTextContents()).toEqual(['Premium Customer']);

    await types.getByRole('button', { name: 'Detach Premium Customer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Detach', exact: true }).click();
    await types.getByText('This profile has no profile types yet.').waitFor();
    await expect.poll(() => focusedElement(page)).toBe('h2 Profile types');
    expect((await caller.profiles.get({ id: ada.id })).profileTypes).toEqual([]);

    // An agent reads the structure without a way to change it, and attaches types on profiles.
    const agentEmail = `agent@${member.workspaceSlug}.test`;
    await caller.members.create({
      name: 'Ann Agent',
      email: agentEmail,
      role: 'agent',
      password: testPassword,
    });
    const agentPage = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(agentPage, url, agentEmail);
    await agentPage.goto(`${url}/customer-data/profile-types`);
    await agentPage.getByRole('article', { name: 'Premium Customer' }).waitFor();
    await agentPage.getByText('Your role may look at the workspace’s structure but not change it').waitFor();
    expect(await agentPage.getByRole('link', { name: 'New profile type' }).count()).toBe(0);
    expect(await agentPage.getByRole('link', { name: /^Edit / }).count()).toBe(0);
    expect(await agentPage.getByRole('button', { name: /^Delete / }).count()).toBe(0);
    await shoot(agentPage, 'customer-data-profile-types-agent');
    for (const [title, noun] of [
      ['Attributes', 'attribute'],
      ['Workflows', 'workflow'],
    ] as const) {
      await agentPage
        .getByRole('navigation', { name: 'Customer data' })
        .getByRole('link', { name: title })
        .click();
      await agentPage.getByRole('heading', { level: 1, name: title }).waitFor();
      await agentPage.getByRole('article').first().waitFor();
      expect(await agentPage.getByRole('link', { name: `New ${noun}` }).count()).toBe(0);
      expect(await agentPage.getByRole('link', { name: /^Edit / }).count()).toBe(0);
    }
    await agentPage.goto(`${url}/customer-data/profile-types/new`);
    await agentPage.getByText('Your role may look at profile types but not change them').waitFor();
    expect(await agentPage.getByRole('button', { name: 'Create profile type' }).count()).toBe(0);

    await agentPage.goto(`${url}/profiles/${ada.id}`);
    const agentTypes = agentPage.getByRole('region', { name: 'Profile types' });
    await agentTypes.getByLabel('Attach a profile type').selectOption({ label: 'Premium Customer' });
    await agentTypes.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect
      .poll(() => agentTypes.getByRole('list', { name: 'Profile types' }).textContent())
      .toBe('Premium Customer');
    // Detached values come back with the type.
    expect(await detailOf(agentPage, 'Monthly budget').textContent()).toBe('250');
    await agentTypes.getByRole('button', { name: 'Edit the values of Premium Customer' }).waitFor();
  });

  it('asks for the required values a type has no default for as it is attached, refusing it without them at their field', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    const grace = await caller.profiles.create({ firstName: 'Grace', lastName: 'Hopper' });
    await caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'account_number',
      dataType: 'text',
      label: 'Account number',
      isRequired: true,
    });
    await caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'vendor-account',
      title: 'Vendor account',
      attributes: ['account_number'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);

    await page.goto(`${url}/profiles/${grace.id}`);
    const types = page.getByRole('region', { name: 'Profile types' });
    await types.getByText('This profile has no profile types yet.').waitFor();
    const accountNumber = types.getByLabel('Account number');
    expect(await accountNumber.count()).toBe(0);
    await types.getByLabel('Attach a profile type').selectOption({ label: 'Vendor account' });
    expect(await accountNumber.getAttribute('aria-required')).toBe('true');
    await shoot(page, 'profile-attach-type-required');

    await types.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect.poll(() => accountNumber.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(accountNumber)).toContain('Required attributes have no value: Account number');
    await expect.poll(() => focusedId(page)).toBe('attach-type.attributes.account_number');
    await shoot(page, 'profile-attach-type-required-refused');
    expect((await caller.profiles.get({ id: grace.id })).profileTypes).toEqual([]);

    await accountNumber.fill('A-1042');
    expect(await accountNumber.getAttribute('aria-invalid')).toBeNull();
    await types.getByRole('button', { name: 'Attach', exact: true }).click();
    await expect
      .poll(() => types.getByRole('list', { name: 'Profile types' }).textContent())
      .toBe('Vendor account');
    expect(await detailOf(page, 'Account number required').textContent()).toBe('A-1042');
    expect(await accountNumber.count()).toBe(0);
    expect((await caller.profiles.get({ id: grace.id })).attributes).toEqual({ account_number: 'A-1042' });
  });

  it('shows a member its own page, where a master attaches a users profile type and sets its value', async () => {
    const { server, browser } = started();
    const { url } = server;
    const { member, caller } = await server.app.newWorkspace('master');
    await caller.attributeDefinitions.create({
      objectKind: 'users',
      slug: 'team',
      dataType: 'text',
      label: 'Team',
    });
    await caller.profileTypes.create({
      objectKind: 'users',
      slug: 'support-agent',
      title: 'Support agent',
      attributes: ['team'],
      defaultValues: { team: 'Tier 1' },
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, url, member.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page
      .getByRole('row', { name: new RegExp(member.name) })
      .getByRole('link', { name: member.name })
      .click();
    await page.getByRole('heading', { level: 1, name: member.name }).waitFor();
    expect(await detailOf(page, 'Email').textContent()).toBe(member.email);

    const types = page.getByRole('region', { name: 'Profile types' });
    await types.getByLabel('Attach a profile type').selectOption({ label: 'Support agent' });
    await types.getByRole('button', { name: 'Attach', exact: true }).click();
    const badges = types.getByRole('list', { name: 'Profile types' });
    await expect.poll(() => badges.getByRole('listitem').allTextContents()).toEqual(['Support agent']);
    expect(await detailOf(page, 'Team').textContent()).toBe('Tier 1');
    await shoot(page, 'member-with-types');
    expect(await caller.attributeValues.get({ objectKind: 'users', recordId: member.id })).toMatchObject({
      attributes: { team: 'Tier 1' },
    });
  });
});
