import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

/** A contacts type bundling the attribute, adopted by `count` new profiles holding `value`. */
async function holders(owner: TestMember, slug: string, values: unknown[]) {
  const type = await owner.caller.profileTypes.create({
    objectKind: 'contacts',
    slug: `holds-${slug.replaceAll('_', '-')}`,
    title: `Holds ${slug}`,
    attributes: [slug],
  });
  const profiles = [];
  for (const [index, value] of values.entries()) {
    const profile = await owner.caller.profiles.create({ firstName: `Holder ${index}` });
    await owner.caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    await owner.caller.attributeValues.set({
      objectKind: 'contacts',
      recordId: profile.id,
      attributes: { [slug]: value },
    });
    profiles.push(profile);
  }
  return { type, profiles };
}

describe('attribute definitions', () => {
  it('are created, listed by kind, read, updated and deleted, each change audited', async () => {
    const owner = await app.newWorkspace('master');
    const created = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'pet_name',
      label: ' Pet name ',
      dataType: 'text',
      maxLength: 40,
    });
    expect(created).toMatchObject({
      objectKind: 'contacts',
      slug: 'pet_name',
      label: 'Pet name',
      description: null,
      dataType: 'text',
      isRequired: false,
      options: [],
      maxLength: 40,
      pattern: null,
    });
    await owner.caller.attributeDefinitions.create({
      objectKind: 'users',
      slug: 'desk',
      label: 'Desk',
      dataType: 'text',
    });

    expect(await owner.caller.attributeDefinitions.get({ id: created.id })).toEqual(created);
    expect(
      (await owner.caller.attributeDefinitions.list({ objectKind: 'contacts' })).map((each) => each.slug),
    ).toEqual(['pet_name']);
    expect((await owner.caller.attributeDefinitions.list({})).map((each) => each.slug)).toEqual([
      'pet_name',
      'desk',
    ]);

    const updated = await owner.caller.attributeDefinitions.update({
      id: created.id,
      label: 'Name of pet',
      description: 'What the customer calls their pet',
      maxLength: 80,
    });
    expect(updated).toMatchObject({ slug: 'pet_name', label: 'Name of pet', maxLength: 80 });
    expect(await owner.caller.attributeDefinitions.delete({ id: created.id })).toEqual({ id: created.id });
    expect(await failureOf(owner.caller.attributeDefinitions.get({ id: created.id }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'ATTRIBUTE_DEFINITION_NOT_FOUND',
    });

    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'attribute_definition',
      created.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual([
      'attribute_definition.create',
      'attribute_definition.update',
      'attribute_definition.delete',
    ]);
    expect(trail[1]).toMatchObject({ before: { label: 'Pet name' }, after: { label: 'Name of pet' } });
  });

  it('keep a slug to one definition per object kind, and take it for another kind', async () => {
    const owner = await app.newWorkspace('master');
    const fields = { slug: 'tier_code', label: 'Tier code', dataType: 'text' } as const;
    await owner.caller.attributeDefinitions.create({ objectKind: 'contacts', ...fields });
    expect(
      await failureOf(owner.caller.attributeDefinitions.create({ objectKind: 'contacts', ...fields })),
    ).toEqual({ code: 'CONFLICT', domainCode: 'ATTRIBUTE_SLUG_TAKEN', paths: ['slug'] });
    await expect(
      owner.caller.attributeDefinitions.create({ objectKind: 'organizations', ...fields }),
    ).resolves.toMatchObject({ objectKind: 'organizations', slug: 'tier_code' });
  });

  it('refuse a slug that is not lower snake case, and rules that do not fit the data type', async () => {
    const owner = await app.newWorkspace('master');
    const base = { objectKind: 'contacts', label: 'X' } as const;
    expect(
      (
        await failureOf(
          owner.caller.attributeDefinitions.create({ ...base, slug: 'Pet-Name', dataType: 'text' }),
        )
      ).paths,
    ).toEqual(['slug']);
    expect(
      await failureOf(
        owner.caller.attributeDefinitions.create({ ...base, slug: 'flag', dataType: 'boolean', min: 1 }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', domainCode: 'INVALID_FIELD', paths: ['min'] });
    expect(
      await failureOf(
        owner.caller.attributeDefinitions.create({ ...base, slug: 'colour', dataType: 'single_select' }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', domainCode: 'INVALID_FIELD', paths: ['options'] });
    expect(
      await failureOf(
        owner.caller.attributeDefinitions.create({
          ...base,
          slug: 'code',
          dataType: 'text',
          pattern: '(?<=a)',
        }),
      ),
    ).toEqual({ code: 'BAD_REQUEST', domainCode: 'INVALID_FIELD', paths: ['pattern'] });
  });

  it('refuse a change of type that would break stored values, saying how many records hold values', async () => {
    const owner = await app.newWorkspace('master');
    const nickname = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'nickname',
      label: 'Nickname',
      dataType: 'text',
    });
    await holders(owner, 'nickname', ['Ace', 'Bee']);

    const refused = owner.caller.attributeDefinitions.update({ id: nickname.id, dataType: 'integer' });
    expect(await failureOf(refused)).toEqual({
      code: 'CONFLICT',
      domainCode: 'ATTRIBUTE_DEFINITION_IN_USE',
      paths: ['dataType'],
    });
    await expect(refused).rejects.toMatchObject({
      message: expect.stringMatching(/^2 record\(s\) hold values of Nickname/) as string,
      cause: { details: { recordCount: 2 } },
    });
    expect(await owner.caller.attributeDefinitions.get({ id: nickname.id })).toMatchObject({
      dataType: 'text',
    });
    await expect(
      owner.caller.attributeDefinitions.update({ id: nickname.id, dataType: 'long_text' }),
    ).resolves.toMatchObject({ dataType: 'long_text' });
    expect(
      (await failureOf(owner.caller.attributeDefinitions.update({ id: nickname.id, maxLength: 2 })))
        .domainCode,
    ).toBe('ATTRIBUTE_DEFINITION_IN_USE');
  });

  it('allow widening a type in use, and any change once no record holds values', async () => {
    const owner = await app.newWorkspace('master');
    const visits = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'visits',
      label: 'Visits',
      dataType: 'integer',
    });
    const { profiles } = await holders(owner, 'visits', [3]);
    await expect(
      owner.caller.attributeDefinitions.update({ id: visits.id, dataType: 'number', min: 0 }),
    ).rejects.toMatchObject({ cause: { code: 'ATTRIBUTE_DEFINITION_IN_USE' } });
    await expect(
      owner.caller.attributeDefinitions.update({ id: visits.id, dataType: 'number' }),
    ).resolves.toMatchObject({ dataType: 'number' });
    const [holder] = profiles;
    if (!holder) throw new Error('no holder');
    await owner.caller.attributeValues.set({
      objectKind: 'contacts',
      recordId: holder.id,
      attributes: { visits: null },
    });
    await expect(
      owner.caller.attributeDefinitions.update({ id: visits.id, dataType: 'boolean' }),
    ).resolves.toMatchObject({ dataType: 'boolean', min: null });
  });

  it('refuse taking away a select option that records hold', async () => {
    const owner = await app.newWorkspace('master');
    const size = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'sizes',
      label: 'Sizes',
      dataType: 'multi_select',
      options: [{ value: 's' }, { value: 'm' }, { value: 'l' }],
    });
    await holders(owner, 'sizes', [['s', 'm']]);
    expect(
      (await failureOf(owner.caller.attributeDefinitions.update({ id: size.id, options: [{ value: 's' }] })))
        .domainCode,
    ).toBe('ATTRIBUTE_DEFINITION_IN_USE');
    await expect(
      owner.caller.attributeDefinitions.update({
        id: size.id,
        options: [{ value: 's' }, { value: 'm', label: 'Medium' }, { value: 'l' }, { value: 'xl' }],
      }),
    ).resolves.toMatchObject({
      options: expect.arrayContaining([{ value: 'm', label: 'Medium' }]) as unknown,
    });
  });

  it('refuse making an attribute required while records of its types have no value, saying how many', async () => {
    const owner = await app.newWorkspace('master');
    const book = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'favorite_book',
      label: 'Favorite book',
      dataType: 'text',
    });
    const { type } = await holders(owner, 'favorite_book', ['Dune']);
    const bare = await owner.caller.profiles.create({ firstName: 'Bare' });
    await owner.caller.profileTypes.attach({ id: type.id, recordId: bare.id });

    await expect(
      owner.caller.attributeDefinitions.update({ id: book.id, isRequired: true }),
    ).rejects.toMatchObject({
      cause: { code: 'ATTRIBUTE_DEFINITION_IN_USE', path: 'isRequired', details: { recordCount: 1 } },
    });
    await owner.caller.attributeValues.set({
      objectKind: 'contacts',
      recordId: bare.id,
      attributes: { favorite_book: 'Emma' },
    });
    await expect(
      owner.caller.attributeDefinitions.update({ id: book.id, isRequired: true }),
    ).resolves.toMatchObject({
      isRequired: true,
    });
  });

  it('refuse deleting a definition a profile type bundles; deleting another takes its values away', async () => {
    const owner = await app.newWorkspace('master');
    const note = await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'note',
      label: 'Note',
      dataType: 'text',
    });
    const { type, profiles } = await holders(owner, 'note', ['old note']);
    expect(await failureOf(owner.caller.attributeDefinitions.delete({ id: note.id }))).toEqual({
      code: 'CONFLICT',
      domainCode: 'ATTRIBUTE_DEFINITION_IN_USE',
      paths: ['id'],
    });
    await owner.caller.profileTypes.update({ id: type.id, attributes: [] });
    await owner.caller.attributeDefinitions.delete({ id: note.id });

    await owner.caller.attributeDefinitions.create({
      objectKind: 'contacts',
      slug: 'note',
      label: 'Note',
      dataType: 'integer',
    });
    await owner.caller.profileTypes.update({ id: type.id, attributes: ['note'] });
    const [holder] = profiles;
    if (!holder) throw new Error('no holder');
    expect((await owner.caller.profiles.get({ id: holder.id })).attributes).toEqual({});
  });
});
