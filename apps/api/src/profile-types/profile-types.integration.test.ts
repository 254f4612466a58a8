import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** The reference's seed example (000): a Customer Profile bundling three attributes, two required. */
async function customerProfile(owner: TestMember, defaults: Record<string, string | number> = {}) {
  const { caller } = owner;
  await caller.attributeDefinitions.create({
    objectKind: 'contacts',
    slug: 'pet_name',
    label: 'Pet name',
    dataType: 'text',
    isRequired: true,
  });
  await caller.attributeDefinitions.create({
    objectKind: 'contacts',
    slug: 'favorite_book',
    label: 'Favorite book',
    dataType: 'text',
  });
  await caller.attributeDefinitions.create({
    objectKind: 'contacts',
    slug: 'monthly_expenses',
    label: 'Monthly expenses',
    dataType: 'number',
    min: 0,
    isRequired: true,
  });
  return caller.profileTypes.create({
    objectKind: 'contacts',
    slug: 'customer-profile',
    title: 'Customer Profile',
    category: 'contacts',
    badgeColor: '#1F6FEB',
    attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
    defaultValues: defaults,
  });
}

function trail(owner: TestMember, entityType: string, id: string) {
  return listAuditEntries(app.database.db, workspaceScope(owner.member.workspaceId), entityType, id);
}

describe('profile types', () => {
  it('are created, listed by kind, read, updated and deleted, each change audited', async () => {
    const owner = await app.newWorkspace('master');
    const type = await customerProfile(owner);
    expect(type).toMatchObject({
      objectKind: 'contacts',
      slug: 'customer-profile',
      title: 'Customer Profile',
      badgeColor: '#1f6feb',
      category: 'contacts',
      attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
      defaultWorkflowId: null,
      defaultValues: {},
    });
    const vendor = await owner.caller.profileTypes.create({
      objectKind: 'organizations',
      slug: 'vendor',
      title: 'Vendor',
    });
    expect(vendor).toMatchObject({ category: 'organizations', attributes: [] });

    expect(await owner.caller.profileTypes.get({ id: type.id })).toEqual(type);
    expect((await owner.caller.profileTypes.list({ objectKind: 'contacts' })).map((each) => each.id)).toEqual(
      [type.id],
    );
    expect(await owner.caller.profileTypes.list({})).toHaveLength(2);

    const updated = await owner.caller.profileTypes.update({
      id: type.id,
      attributes: ['monthly_expenses', 'pet_name'],
      defaultValues: { monthly_expenses: '100' },
      description: 'People who buy',
    });
    expect(updated).toMatchObject({
      attributes: ['monthly_expenses', 'pet_name'],
      defaultValues: { monthly_expenses: 100 },
      description: 'People who buy',
    });
    await owner.caller.profileTypes.delete({ id: type.id });
    expect((await failureOf(owner.caller.profileTypes.get({ id: type.id }))).domainCode).toBe(
      'PROFILE_TYPE_NOT_FOUND',
    );
    expect((await trail(owner, 'profile_type', type.id)).map((entry) => entry.action)).toEqual([
      'profile_type.create',
      'profile_type.update',
      'profile_type.delete',
    ]);
  });

  it('keep a slug to one type per object kind, and take it for another kind', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.profileTypes.create({ objectKind: 'contacts', slug: 'customer', title: 'Customer' });
    expect(
      await failureOf(
        owner.caller.profileTypes.create({ objectKind: 'contacts', slug: 'customer', title: 'Again' }),
      ),
    ).toEqual({ code: 'CONFLICT', domainCode: 'PROFILE_TYPE_SLUG_TAKEN', paths: ['slug'] });
    await expect(
      owner.caller.profileTypes.create({ objectKind: 'organizations', slug: 'customer', title: 'Customer' }),
    ).resolves.toMatchObject({ objectKind: 'organizations' });
  });

  it('bundle only attributes defined for their object kind, and defaults that fit them', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.attributeDefinitions.create({
      objectKind: 'users',
      slug: 'desk',
      label: 'Desk',
      dataType: 'text',
    });
    expect(
      await failureOf(
        owner.caller.profileTypes.create({
          objectKind: 'contacts',
          slug: 'staff',
          title: 'Staff',
          attributes: ['desk'],
        }),
      ),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'ATTRIBUTE_DEFINITION_NOT_FOUND', paths: ['attributes.0'] });
    expect(
      await failureOf(
        owner.caller.profileTypes.create({
          objectKind: 'users',
          slug: 'staff',
          title: 'Staff',
          attributes: ['desk'],
          defaultValues: { desk: 42 },
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', domainCode: 'INVALID_ATTRIBUTE_VALUE', paths: ['defaultValues.desk'] });
  });
});

describe('adopting profile types', () => {
  it('applies the default values and the default workflow’s first stage, and audits the adoption', async () => {
    const owner = await app.newWorkspace('master');
    const type = await customerProfile(owner, { pet_name: 'Rex', monthly_expenses: 10 });
    const onboarding = await owner.caller.workflows.create({
      objectKind: 'contacts',
      slug: 'onboarding',
      name: 'Onboarding',
      stages: [
        { slug: 'new', name: 'New' },
        { slug: 'done', name: 'Done' },
      ],
    });
    await owner.caller.profileTypes.setDefaultWorkflow({ id: type.id, workflowId: onboarding.id });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });

    const adopted = await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    expect(adopted).toEqual({
      objectKind: 'contacts',
      recordId: profile.id,
      profileTypes: [
        { id: type.id, title: 'Customer Profile', slug: 'customer-profile', badgeColor: '#1f6feb' },
      ],
      attributes: { pet_name: 'Rex', monthly_expenses: 10 },
    });
    expect(await owner.caller.profiles.get({ id: profile.id })).toMatchObject({
      profileTypes: adopted.profileTypes,
      attributes: adopted.attributes,
    });
    const [firstStage] = onboarding.stages;
    expect(
      await owner.caller.workflows.recordStages({ objectKind: 'contacts', recordId: profile.id }),
    ).toEqual([{ workflowId: onboarding.id, stageId: firstStage?.id, enteredAt: expect.any(Date) as Date }]);
    expect((await trail(owner, 'profile', profile.id)).map((entry) => [entry.action, entry.after])).toEqual([
      ['profile.create', expect.anything()],
      ['workflow.move', { workflowId: onboarding.id, stageId: firstStage?.id }],
      [
        'profile_type.attach',
        { profileTypeIds: [type.id], attributes: { pet_name: 'Rex', monthly_expenses: 10 } },
      ],
    ]);
    await expect(owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id })).resolves.toEqual(
      adopted,
    );
  });

  it('keeps the values a record holds and checks them; fails naming the required attributes nothing fills', async () => {
    const owner = await app.newWorkspace('master');
    const type = await customerProfile(owner, { monthly_expenses: 10 });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });

    const refused = owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    expect(await failureOf(refused)).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'ATTRIBUTE_REQUIRED',
      paths: ['attributes.pet_name'],
    });
    await expect(refused).rejects.toMatchObject({ message: expect.stringContaining('Pet name') as string });
    expect(await owner.caller.profiles.get({ id: profile.id })).toMatchObject({
      profileTypes: [],
      attributes: {},
    });
    expect((await owner.caller.profileTypes.listAdopters({ id: type.id })).items).toEqual([]);

    // What nothing fills is given with the adoption, checked as any value is.
    expect(
      await failureOf(
        owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id, attributes: { pet_name: 7 } }),
      ),
    ).toMatchObject({ domainCode: 'INVALID_ATTRIBUTE_VALUE', paths: ['attributes.pet_name'] });
    expect(
      await failureOf(
        owner.caller.profileTypes.attach({
          id: type.id,
          recordId: profile.id,
          attributes: { shoe_size: 42 },
        }),
      ),
    ).toMatchObject({ domainCode: 'ATTRIBUTE_NOT_ADOPTED', paths: ['attributes.shoe_size'] });
    const given = await owner.caller.profiles.create({ firstName: 'Grace' });
    expect(
      await owner.caller.profileTypes.attach({
        id: type.id,
        recordId: given.id,
        attributes: { pet_name: 'Rex' },
      }),
    ).toMatchObject({ attributes: { pet_name: 'Rex', monthly_expenses: 10 } });

    const other = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'pet-owner',
      title: 'Pet owner',
      attributes: ['pet_name'],
      defaultValues: { pet_name: 'Rex' },
    });
    await owner.caller.profileTypes.attach({ id: other.id, recordId: profile.id });
    await owner.caller.attributeValues.set({
      objectKind: 'contacts',
      recordId: profile.id,
      attributes: { pet_name: '  Fido ' },
    });
    const both = await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    expect(both.profileTypes.map((each) => each.slug)).toEqual(['pet-owner', 'customer-profile']);
    expect(both.attributes).toEqual({ pet_name: 'Fido', monthly_expenses: 10 });
  });

  it('sets only the attributes of the record’s types, each value checked, required ones kept', async () => {
    const owner = await app.newWorkspace('master');
    const type = await customerProfile(owner, { pet_name: 'Rex', monthly_expenses: 10 });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    const record = { objectKind: 'contacts', recordId: profile.id } as const;

    expect(
      await owner.caller.attributeValues.set({
        ...record,
        attributes: { favorite_book: 'Dune', monthly_expenses: '12.5' },
      }),
    ).toMatchObject({ attributes: { pet_name: 'Rex', favorite_book: 'Dune', monthly_expenses: 12.5 } });
    expect(
      await failureOf(owner.caller.attributeValues.set({ ...record, attributes: { monthly_expenses: -1 } })),
    ).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'INVALID_ATTRIBUTE_VALUE',
      paths: ['attributes.monthly_expenses'],
    });
    expect(
      await failureOf(owner.caller.attributeValues.set({ ...record, attributes: { pet_name: null } })),
    ).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'ATTRIBUTE_REQUIRED',
      paths: ['attributes.pet_name'],
    });
    expect(
      await failureOf(owner.caller.attributeValues.set({ ...record, attributes: { shoe_size: 42 } })),
    ).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'ATTRIBUTE_NOT_ADOPTED',
      paths: ['attributes.shoe_size'],
    });
    expect((await owner.caller.attributeValues.get(record)).attributes).toEqual({
      pet_name: 'Rex',
      favorite_book: 'Dune',
      monthly_expenses: 12.5,
    });
    expect((await trail(owner, 'profile', profile.id)).at(-1)).toMatchObject({
      action: 'attribute_values.set',
      before: { attributes: { pet_name: 'Rex', monthly_expenses: 10 } },
      after: { attributes: { pet_name: 'Rex', favorite_book: 'Dune', monthly_expenses: 12.5 } },
    });
  });

  it('detaching hides the type’s values without erasing them; adopting again shows them', async () => {
    const owner = await app.newWorkspace('master');
    const type = await customerProfile(owner, { pet_name: 'Rex', monthly_expenses: 10 });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    await owner.caller.attributeValues.set({
      objectKind: 'contacts',
      recordId: profile.id,
      attributes: { pet_name: 'Fido', favorite_book: 'Dune' },
    });

    const detached = await owner.caller.profileTypes.detach({ id: type.id, recordId: profile.id });
    expect(detached).toMatchObject({ profileTypes: [], attributes: {} });
    expect(await owner.caller.profiles.get({ id: profile.id })).toMatchObject({
      profileTypes: [],
      attributes: {},
    });
    expect(
      await failureOf(
        owner.caller.attributeValues.set({
          objectKind: 'contacts',
          recordId: profile.id,
          attributes: { pet_name: 'X' },
        }),
      ),
    ).toMatchObject({ domainCode: 'ATTRIBUTE_NOT_ADOPTED' });

    const again = await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    expect(again.attributes).toEqual({ pet_name: 'Fido', favorite_book: 'Dune', monthly_expenses: 10 });
    expect((await trail(owner, 'profile', profile.id)).map((entry) => entry.action)).toContain(
      'profile_type.detach',
    );
  });

  it('shows a new title, slug and badge colour on every record at once', async () => {
    const owner = await app.newWorkspace('master');
    const type = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'member',
      title: 'Member',
    });
    const profiles = await Promise.all(
      ['Ada', 'Grace'].map((firstName) => owner.caller.profiles.create({ firstName })),
    );
    for (const profile of profiles)
      await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });

    await owner.caller.profileTypes.update({
      id: type.id,
      title: 'Club member',
      slug: 'club-member',
      badgeColor: '#ff0000',
    });
    const renamed = { id: type.id, title: 'Club member', slug: 'club-member', badgeColor: '#ff0000' };
    for (const profile of profiles) {
      expect((await owner.caller.profiles.get({ id: profile.id })).profileTypes).toEqual([renamed]);
    }
    const listed = await owner.caller.profiles.list({});
    expect(listed.items.map((item) => item.profileTypes)).toEqual([[renamed], [renamed]]);
  });

  it('lists the records that adopted a type, in the order they adopted it, page by page', async () => {
    const owner = await app.newWorkspace('master');
    const type = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'lead',
      title: 'Lead',
    });
    const names = ['Ada', 'Grace', 'Hedy'];
    for (const firstName of names) {
      const profile = await owner.caller.profiles.create({ firstName, lastName: 'X' });
      await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    }
    const first = await owner.caller.profileTypes.listAdopters({ id: type.id, limit: 2 });
    expect(first.items.map((item) => item.name)).toEqual(['Ada X', 'Grace X']);
    const second = await owner.caller.profileTypes.listAdopters({
      id: type.id,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(second).toMatchObject({ items: [{ name: 'Hedy X' }], nextCursor: null });
  });

  it('lets members adopt types of users, changed by those who manage members', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.attributeDefinitions.create({
      objectKind: 'users',
      slug: 'desk',
      label: 'Desk',
      dataType: 'text',
      isRequired: true,
    });
    const staff = await owner.caller.profileTypes.create({
      objectKind: 'users',
      slug: 'staff',
      title: 'Staff',
      attributes: ['desk'],
      defaultValues: { desk: 'Hot desk' },
    });
    const agent = await memberOfRole(app, owner, 'agent');
    const admin = await memberOfRole(app, owner, 'admin');

    expect(
      await failureOf(admin.caller.profileTypes.attach({ id: staff.id, recordId: agent.member.id })),
    ).toMatchObject({
      domainCode: 'FORBIDDEN',
    });
    expect(await owner.caller.profileTypes.attach({ id: staff.id, recordId: agent.member.id })).toMatchObject(
      {
        objectKind: 'users',
        attributes: { desk: 'Hot desk' },
      },
    );
    expect(
      (await owner.caller.profileTypes.listAdopters({ id: staff.id })).items.map((item) => [
        item.recordId,
        item.name,
      ]),
    ).toEqual([[agent.member.id, 'A agent']]);
    expect(
      await failureOf(owner.caller.profileTypes.attach({ id: staff.id, recordId: owner.member.workspaceId })),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'MEMBER_NOT_FOUND', paths: ['recordId'] });
  });

  it('finds no organization to adopt an organizations type in a record of another kind', async () => {
    const owner = await app.newWorkspace('master');
    const vendor = await owner.caller.profileTypes.create({
      objectKind: 'organizations',
      slug: 'vendor',
      title: 'Vendor',
    });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    expect(
      await failureOf(owner.caller.profileTypes.attach({ id: vendor.id, recordId: profile.id })),
    ).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'ORGANIZATION_NOT_FOUND',
      paths: ['recordId'],
    });
    expect(await owner.caller.profileTypes.listAdopters({ id: vendor.id })).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('refuses a deleted profile, and a profile of nobody', async () => {
    const owner = await app.newWorkspace('master');
    const type = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'lead',
      title: 'Lead',
    });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.profiles.delete({ id: profile.id });
    expect(
      (await failureOf(owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id }))).domainCode,
    ).toBe('PROFILE_DELETED');
    expect(await failureOf(owner.caller.profileTypes.attach({ id: type.id, recordId: type.id }))).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'PROFILE_NOT_FOUND',
      paths: ['recordId'],
    });
  });
});

describe('changing a type records adopted', () => {
  it('fills a newly bundled required attribute from its default, and without one is refused with a count', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'plan',
      label: 'Plan',
      dataType: 'single_select',
      options: [{ value: 'free' }, { value: 'pro' }],
      isRequired: true,
    });
    const type = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'subscriber',
      title: 'Subscriber',
    });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });

    await expect(
      owner.caller.profileTypes.update({ id: type.id, attributes: ['plan'] }),
    ).rejects.toMatchObject({
      cause: { code: 'ATTRIBUTE_REQUIRED', details: { recordCount: 1, missing: 'plan' } },
    });
    await owner.caller.profileTypes.update({
      id: type.id,
      attributes: ['plan'],
      defaultValues: { plan: 'free' },
    });
    expect((await owner.caller.profiles.get({ id: profile.id })).attributes).toEqual({ plan: 'free' });
  });

  it('deleting a type takes it off its records and keeps their values', async () => {
    const owner = await app.newWorkspace('master');
    const type = await customerProfile(owner, { pet_name: 'Rex', monthly_expenses: 10 });
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    await owner.caller.profileTypes.delete({ id: type.id });
    expect(await owner.caller.profiles.get({ id: profile.id })).toMatchObject({
      profileTypes: [],
      attributes: {},
    });
    const again = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'customer-profile',
      title: 'Customer Profile',
      attributes: ['pet_name'],
    });
    expect(
      (await owner.caller.profileTypes.attach({ id: again.id, recordId: profile.id })).attributes,
    ).toEqual({
      pet_name: 'Rex',
    });
  });
});

describe('default workflows', () => {
  it('are read and set, only to a workflow of the same object kind, and cleared when it is deleted', async () => {
    const owner = await app.newWorkspace('master');
    const type = await owner.caller.profileTypes.create({
      objectKind: 'contacts',
      slug: 'lead',
      title: 'Lead',
    });
    const stages = [{ slug: 'new', name: 'New' }];
    const sales = await owner.caller.workflows.create({
      objectKind: 'contacts',
      slug: 'sales',
      name: 'Sales',
      stages,
    });
    const hiring = await owner.caller.workflows.create({
      objectKind: 'users',
      slug: 'hiring',
      name: 'Hiring',
      stages,
    });

    expect(await owner.caller.profileTypes.getDefaultWorkflow({ id: type.id })).toBeNull();
    expect(
      await failureOf(owner.caller.profileTypes.setDefaultWorkflow({ id: type.id, workflowId: hiring.id })),
    ).toEqual({ code: 'NOT_FOUND', domainCode: 'WORKFLOW_NOT_FOUND', paths: ['workflowId'] });
    expect(
      await owner.caller.profileTypes.setDefaultWorkflow({ id: type.id, workflowId: sales.id }),
    ).toMatchObject({
      defaultWorkflowId: sales.id,
    });
    expect(await owner.caller.profileTypes.getDefaultWorkflow({ id: type.id })).toEqual(sales);

    await owner.caller.workflows.delete({ id: sales.id });
    expect(await owner.caller.profileTypes.get({ id: type.id })).toMatchObject({ defaultWorkflowId: null });
  });
});

describe('source records of a profile type', () => {
  it('have the attributes of the contacts type their type names checked; others are kept as they are', async () => {
    const owner = await app.newWorkspace('master');
    await customerProfile(owner);
    const upsert = (type: string, attributes: Record<string, string | number>) =>
      owner.caller.sourceRecords.upsert({
        identifierQuery: `shop:${type}:email:ada-${type}-${Object.keys(attributes).length}@example.com`,
        attributes,
      });

    expect(
      await failureOf(upsert('customer-profile', { pet_name: 'Rex', monthly_expenses: 'lots' })),
    ).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'INVALID_ATTRIBUTE_VALUE',
      paths: ['attributes.monthly_expenses'],
    });
    expect(await failureOf(upsert('customer-profile', { favorite_book: 'Dune' }))).toEqual({
      code: 'BAD_REQUEST',
      domainCode: 'ATTRIBUTE_REQUIRED',
      paths: ['attributes.pet_name'],
    });
    expect(
      (await upsert('customer-profile', { pet_name: ' Rex ', monthly_expenses: '12.5', loyalty: 'gold' }))
        .attributes,
    ).toEqual({ pet_name: 'Rex', monthly_expenses: 12.5, loyalty: 'gold' });
    expect((await upsert('order', { monthly_expenses: 'lots' })).attributes).toEqual({
      monthly_expenses: 'lots',
    });
  });
});
