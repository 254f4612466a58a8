import { workspaceScope } from '@tessera/db';
import { roles, seedDocumentSchema, type Role } from '@tessera/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { addAttributeDefinition } from '../attribute-definitions/attribute-definitions.service.ts';
import { referenceAttributes, referenceExample } from './seed-examples.testing.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** A document of every kind, out of order: the profile type first, then what it needs. */
const fullDocument = [
  {
    object_type: 'profiles',
    data: {
      title: 'Member',
      slug: 'member',
      description: 'Pays a yearly fee',
      badge_color: '#1F6FEB',
      type: 'contacts',
      object_type: 'contacts',
      attributes: ['plan', 'shoe_size'],
      default_workflow: 'onboarding',
      default_values: { plan: 'free', shoe_size: '42' },
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
  {
    object_type: 'attributes',
    data: {
      slug: 'plan',
      label: 'Plan',
      object_type: 'contacts',
      data_type: 'single_select',
      required: true,
      options: [{ value: 'free', label: 'Free' }, { value: 'pro' }],
    },
  },
  {
    object_type: 'attributes',
    data: { slug: 'shoe_size', label: 'Shoe size', object_type: 'contacts', data_type: 'integer', min: 10 },
  },
  {
    object_type: 'attributes',
    data: { slug: 'desk', label: 'Desk', object_type: 'users', data_type: 'text', max_length: 20 },
  },
];

/** The attributes reference 000's example bundles, made through the API. */
async function createReferenceAttributes(owner: TestMember): Promise<void> {
  for (const attribute of referenceAttributes) {
    await owner.caller.attributeDefinitions.create({ objectKind: 'contacts', ...attribute });
  }
}

async function auditCount(owner: TestMember): Promise<number> {
  const { rows } = await sql<{ count: number }>`select count(*)::int as count from audit_entries
    where workspace_id = ${owner.member.workspaceId}`.execute(app.database.db);
  return rows[0]?.count ?? 0;
}

async function structureOf(owner: TestMember) {
  return {
    attributeDefinitions: await owner.caller.attributeDefinitions.list({}),
    profileTypes: await owner.caller.profileTypes.list({}),
    workflows: await owner.caller.workflows.list({}),
  };
}

const item = (objectType: string, slug: string) => ({ object_type: objectType, slug });

describe('seed files', () => {
  it('import reference 000’s example as written once its attributes exist, then change nothing on a second run', async () => {
    const owner = await app.newWorkspace('master');
    await createReferenceAttributes(owner);

    expect(await owner.caller.seeds.import({ document: referenceExample })).toEqual({
      created: [item('profiles', 'customer-profile')],
      updated: [],
      unchanged: [],
    });
    const [type] = await owner.caller.profileTypes.list({ objectKind: 'contacts' });
    expect(type).toMatchObject({
      slug: 'customer-profile',
      title: 'Customer Profile',
      category: 'contacts',
      attributes: ['pet_name', 'favorite_book', 'monthly_expenses'],
    });

    const audited = await auditCount(owner);
    expect(await owner.caller.seeds.import({ document: referenceExample })).toEqual({
      created: [],
      updated: [],
      unchanged: [item('profiles', 'customer-profile')],
    });
    expect(await auditCount(owner)).toBe(audited);
  });

  it('export the example back as an equivalent document, with the attributes it bundles', async () => {
    const owner = await app.newWorkspace('master');
    await createReferenceAttributes(owner);
    await owner.caller.seeds.import({ document: referenceExample });

    const exported = await owner.caller.seeds.export();
    expect(exported.filter((entry) => entry.object_type === 'profiles')).toEqual(
      seedDocumentSchema.parse(referenceExample),
    );
    expect(exported.map((entry) => `${entry.object_type}:${entry.data.slug}`)).toEqual([
      'attributes:favorite_book',
      'attributes:monthly_expenses',
      'attributes:pet_name',
      'profiles:customer-profile',
    ]);
    expect((await owner.caller.seeds.import({ document: exported })).unchanged).toHaveLength(4);
  });

  it('apply attributes, workflows and profile types whatever the document’s order, each creation audited', async () => {
    const owner = await app.newWorkspace('master');
    const audited = await auditCount(owner);
    const result = await owner.caller.seeds.import({ document: fullDocument });
    expect(result).toEqual({
      created: [
        item('profiles', 'member'),
        item('workflows', 'onboarding'),
        item('attributes', 'plan'),
        item('attributes', 'shoe_size'),
        item('attributes', 'desk'),
      ],
      updated: [],
      unchanged: [],
    });
    const { profileTypes, workflows } = await structureOf(owner);
    expect(profileTypes[0]).toMatchObject({
      slug: 'member',
      badgeColor: '#1f6feb',
      attributes: ['plan', 'shoe_size'],
      defaultWorkflowId: workflows[0]?.id,
      defaultValues: { plan: 'free', shoe_size: 42 },
    });
    expect(await auditCount(owner)).toBe(audited + fullDocument.length);
    expect((await owner.caller.seeds.import({ document: fullDocument })).unchanged).toHaveLength(5);
  });

  it('recreate a workspace’s structure in another through export and import', async () => {
    const source = await app.newWorkspace('master');
    await source.caller.seeds.import({ document: fullDocument });
    const exported = await source.caller.seeds.export();

    const target = await app.newWorkspace('master');
    const result = await target.caller.seeds.import({ document: exported });
    expect(result.created).toHaveLength(exported.length);
    expect(await target.caller.seeds.export()).toEqual(exported);
  });

  it('update what differs, each update audited, and leave the rest alone', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.seeds.import({ document: fullDocument });
    const [profile, workflow, plan, ...rest] = fullDocument;
    const changed = [
      { ...profile, data: { ...profile?.data, title: 'Paying member', default_workflow: null } },
      { ...workflow, data: { ...workflow?.data, stages: [{ slug: 'new', name: 'Fresh' }] } },
      { ...plan, data: { ...plan?.data, options: [...(plan?.data.options ?? []), { value: 'team' }] } },
      ...rest,
    ];
    const audited = await auditCount(owner);

    expect(await owner.caller.seeds.import({ document: changed })).toEqual({
      created: [],
      updated: [item('profiles', 'member'), item('workflows', 'onboarding'), item('attributes', 'plan')],
      unchanged: [item('attributes', 'shoe_size'), item('attributes', 'desk')],
    });
    const { profileTypes, workflows, attributeDefinitions } = await structureOf(owner);
    expect(profileTypes[0]).toMatchObject({ title: 'Paying member', defaultWorkflowId: null });
    expect(workflows[0]?.stages.map((stage) => stage.name)).toEqual(['Fresh']);
    expect(attributeDefinitions.find((each) => each.slug === 'plan')?.options).toHaveLength(3);
    // The type's fields and its default workflow are changed by their own operations.
    expect(await auditCount(owner)).toBe(audited + 4);
  });

  it('refuse a document with a bad entry, naming it, and write nothing', async () => {
    const owner = await app.newWorkspace('master');
    await createReferenceAttributes(owner);
    const newAttribute = fullDocument[4];
    const cases: [unknown[], { code: string; domainCode?: string; paths: string[] }][] = [
      [
        [
          newAttribute,
          {
            object_type: 'profiles',
            data: { ...referenceExample[0]?.data, attributes: ['pet_name', 'pet_nme'] },
          },
        ],
        {
          code: 'NOT_FOUND',
          domainCode: 'ATTRIBUTE_DEFINITION_NOT_FOUND',
          paths: ['document.1.data.attributes.1'],
        },
      ],
      [
        [newAttribute, ...referenceExample, ...referenceExample],
        { code: 'BAD_REQUEST', paths: ['document.2.data.slug'] },
      ],
      [
        [
          newAttribute,
          {
            object_type: 'attributes',
            data: { slug: 'age', label: 'Age', object_type: 'contacts', data_type: 'years' },
          },
        ],
        { code: 'BAD_REQUEST', paths: ['document.1.data.data_type'] },
      ],
      [
        [
          newAttribute,
          { ...referenceExample[0], data: { ...referenceExample[0]?.data, default_workflow: 'sales' } },
        ],
        { code: 'NOT_FOUND', domainCode: 'WORKFLOW_NOT_FOUND', paths: ['document.1.data.default_workflow'] },
      ],
    ];
    const audited = await auditCount(owner);
    for (const [document, failure] of cases) {
      for (const dryRun of [true, false]) {
        expect(await failureOf(owner.caller.seeds.import({ document, dryRun }))).toEqual({
          domainCode: undefined,
          ...failure,
        });
      }
    }
    const refused = await owner.caller.seeds
      .import({ document: cases[0]?.[0] ?? [] })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ message: 'entry 1: No contacts attribute has the slug pet_nme' });
    const { attributeDefinitions, profileTypes } = await structureOf(owner);
    expect(attributeDefinitions.map((each) => each.slug).sort()).toEqual([
      'favorite_book',
      'monthly_expenses',
      'pet_name',
    ]);
    expect(profileTypes).toEqual([]);
    expect(await auditCount(owner)).toBe(audited);
  });

  it('refuse an update the rules refuse, such as a breaking change of an attribute in use, naming the entry', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.seeds.import({ document: fullDocument });
    const [type] = await owner.caller.profileTypes.list({});
    const profile = await owner.caller.profiles.create({ firstName: 'Ada' });
    await owner.caller.profileTypes.attach({ id: type?.id ?? '', recordId: profile.id });

    const [, , , shoeSize] = fullDocument;
    const breaking = [
      fullDocument[4],
      { ...shoeSize, data: { ...shoeSize?.data, data_type: 'boolean', min: null } },
    ];
    expect(await failureOf(owner.caller.seeds.import({ document: breaking }))).toEqual({
      code: 'CONFLICT',
      domainCode: 'ATTRIBUTE_DEFINITION_IN_USE',
      paths: ['document.1.data.data_type'],
    });
    const { attributeDefinitions } = await structureOf(owner);
    expect(attributeDefinitions.find((each) => each.slug === 'shoe_size')?.dataType).toBe('integer');
  });

  it('on a dry run, report what a real run does and write nothing', async () => {
    const owner = await app.newWorkspace('master');
    const audited = await auditCount(owner);
    const dryRun = await owner.caller.seeds.import({ document: fullDocument, dryRun: true });
    expect(await structureOf(owner)).toEqual({ attributeDefinitions: [], profileTypes: [], workflows: [] });
    expect(await auditCount(owner)).toBe(audited);
    expect(await owner.caller.seeds.import({ document: fullDocument })).toEqual(dryRun);
    expect(dryRun.created).toHaveLength(fullDocument.length);
  });

  it('let every role export, and only super admins and the master import', async () => {
    const owner = await app.newWorkspace('master');
    await owner.caller.seeds.import({ document: fullDocument });
    const managers: readonly Role[] = ['master', 'super_admin'];
    for (const role of roles) {
      const { caller } = await memberOfRole(app, owner, role);
      expect(await caller.seeds.export(), role).toHaveLength(fullDocument.length);
      const imported = caller.seeds.import({ document: fullDocument, dryRun: true });
      if (managers.includes(role)) await expect(imported, role).resolves.toBeDefined();
      else
        expect(await failureOf(imported), role).toMatchObject({ code: 'FORBIDDEN', domainCode: 'FORBIDDEN' });
    }
  });

  it('keep one copy when two imports of a document into an empty workspace run at once, both ending well', async () => {
    const owners = await Promise.all(Array.from({ length: 4 }, () => app.newWorkspace('master')));
    const outcomes = await Promise.all(
      owners.map((owner) =>
        Promise.allSettled([
          owner.caller.seeds.import({ document: fullDocument }),
          owner.caller.seeds.import({ document: fullDocument }),
        ]),
      ),
    );
    for (const [index, settled] of outcomes.entries()) {
      expect(
        settled.flatMap((outcome) => (outcome.status === 'rejected' ? [String(outcome.reason)] : [])),
      ).toEqual([]);
      const results = settled.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      expect(results.map((result) => [result.created.length, result.unchanged.length]).sort()).toEqual([
        [0, fullDocument.length],
        [fullDocument.length, 0],
      ]);
      const owner = owners[index];
      if (owner) expect((await owner.caller.seeds.export()).length).toBe(fullDocument.length);
    }
  });

  it('keep one copy when two imports wait on the same new slug and then run at once', async (context) => {
    if (app.database.driver !== 'pg') context.skip('the embedded database runs one transaction at a time');
    const owner = await app.newWorkspace('master');
    const scope = workspaceScope(owner.member.workspaceId);
    const waiting = () =>
      sql<{ count: number }>`select count(*)::int as count from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`
        .execute(app.database.db)
        .then((result) => result.rows[0]?.count);
    // An uncommitted definition of the first slug the imports create makes both wait on it; rolled
    // back, it lets them go together.
    const holder = await app.database.db.startTransaction().execute();
    await addAttributeDefinition(
      holder,
      { ...app.deps, scope },
      {
        objectKind: 'contacts',
        slug: 'plan',
        label: 'Held',
        dataType: 'text',
      },
    );
    const imports = Promise.all([
      owner.caller.seeds.import({ document: fullDocument }),
      owner.caller.seeds.import({ document: fullDocument }),
    ]);
    await expect.poll(waiting).toBe(2);
    await holder.rollback().execute();
    const results = await imports;
    expect(results.map((result) => result.created.length).sort()).toEqual([0, fullDocument.length]);
    expect((await owner.caller.seeds.export()).length).toBe(fullDocument.length);
  });
});
