import { workspaceScope } from '@tessera/db';
import { listAuditEntries } from '@tessera/db/audit';
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { failureOf } from '../testing/failure-of.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function ownerWithRegion() {
  const owner = await app.newWorkspace();
  await owner.caller.workspaceSettings.update({ defaultPhoneRegion: 'AU' });
  return owner;
}

describe('contact points', () => {
  it('make the first email and phone primary, keep the others beside them, and list them all', async () => {
    const { caller } = await ownerWithRegion();
    const profile = await caller.profiles.create({ firstName: 'Cora' });
    const first = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: ' Cora@Example.com ',
    });
    expect(first).toMatchObject({ key: 'email', value: 'cora@example.com', isPrimary: true });
    const phone = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'phone',
      value: '0412 555 000',
    });
    expect(phone).toMatchObject({ value: '+61412555000', isPrimary: true });
    await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'cora@work.test',
    });

    expect(await caller.profiles.get({ id: profile.id })).toMatchObject({
      email: 'cora@example.com',
      mobilePhone: { e164: '+61412555000' },
    });
    const listed = await caller.profiles.contactPoints.list({ profileId: profile.id });
    expect(listed.map((point) => [point.key, point.value, point.isPrimary])).toEqual([
      ['email', 'cora@example.com', true],
      ['email', 'cora@work.test', false],
      ['phone', '+61412555000', true],
    ]);
  });

  it('give an email or phone to one profile only, whichever way it was added', async () => {
    const { caller } = await ownerWithRegion();
    const holder = await caller.profiles.create({ firstName: 'Holder', email: 'held@example.com' });
    await caller.profiles.contactPoints.create({
      profileId: holder.id,
      key: 'email',
      value: 'second@example.com',
    });
    const other = await caller.profiles.create({ firstName: 'Other' });

    for (const value of ['held@example.com', 'second@example.com']) {
      expect(
        await failureOf(caller.profiles.contactPoints.create({ profileId: other.id, key: 'email', value })),
      ).toMatchObject({ code: 'CONFLICT', domainCode: 'PROFILE_EMAIL_TAKEN', paths: ['value'] });
    }
    expect(
      await failureOf(caller.profiles.create({ firstName: 'Late', email: 'second@example.com' })),
    ).toMatchObject({
      domainCode: 'PROFILE_EMAIL_TAKEN',
      paths: ['email'],
    });
    expect(
      await failureOf(caller.profiles.update({ id: other.id, email: 'second@example.com' })),
    ).toMatchObject({
      domainCode: 'PROFILE_EMAIL_TAKEN',
    });
  });

  it('change and remove a primary one through the profile', async () => {
    const { caller } = await ownerWithRegion();
    const profile = await caller.profiles.create({ firstName: 'Pia', email: 'pia@example.com' });
    const [primary] = await caller.profiles.contactPoints.list({ profileId: profile.id });
    if (!primary) throw new Error('the profile has no primary email');
    const changed = await caller.profiles.contactPoints.update({
      profileId: profile.id,
      id: primary.id,
      key: 'email',
      value: 'pia@new.test',
    });
    expect(changed).toMatchObject({ id: primary.id, value: 'pia@new.test', isPrimary: true });
    expect((await caller.profiles.get({ id: profile.id })).email).toBe('pia@new.test');

    await caller.profiles.contactPoints.delete({ profileId: profile.id, id: changed.id });
    expect((await caller.profiles.get({ id: profile.id })).email).toBeNull();
    expect(await caller.profiles.contactPoints.list({ profileId: profile.id })).toEqual([]);
    const reused = await caller.profiles.create({ firstName: 'New', email: 'pia@example.com' });
    expect(reused.email).toBe('pia@example.com');
  });

  it('refuse a phone that is not valid, at the value, and an unknown id', async () => {
    const { caller } = await ownerWithRegion();
    const profile = await caller.profiles.create({ firstName: 'Val' });
    expect(
      await failureOf(
        caller.profiles.contactPoints.create({ profileId: profile.id, key: 'phone', value: '123' }),
      ),
    ).toMatchObject({ domainCode: 'INVALID_FIELD', paths: ['value'] });
    expect(
      await failureOf(
        caller.profiles.contactPoints.delete({
          profileId: profile.id,
          id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', domainCode: 'CONTACT_POINT_NOT_FOUND' });
  });

  it('let one of 16 concurrent adds of the same email win, and tell the others', async () => {
    const { caller } = await ownerWithRegion();
    const profiles = await Promise.all(
      Array.from({ length: 16 }, (_, index) => caller.profiles.create({ firstName: `Racer ${index}` })),
    );
    const outcomes = await Promise.allSettled(
      profiles.map((profile) =>
        caller.profiles.contactPoints.create({
          profileId: profile.id,
          key: 'email',
          value: 'race@example.com',
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refusals = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [(outcome.reason as TRPCError).cause] : [],
    );
    expect(refusals).toHaveLength(15);
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: 'PROFILE_EMAIL_TAKEN' });
  });

  it('keep the id and creation time of a primary email and phone when they change, however they are changed', async () => {
    const { caller } = await ownerWithRegion();
    const profile = await caller.profiles.create({
      firstName: 'Ida',
      email: 'ida@example.com',
      mobilePhone: '0412 000 111',
    });
    const [email, phone] = await caller.profiles.contactPoints.list({ profileId: profile.id });
    if (!email || !phone) throw new Error('the profile has no primary email and phone');

    const newEmail = await caller.profiles.contactPoints.update({
      profileId: profile.id,
      id: email.id,
      key: 'email',
      value: 'ida@new.test',
    });
    const newPhone = await caller.profiles.contactPoints.update({
      profileId: profile.id,
      id: phone.id,
      key: 'phone',
      value: '0412 000 222',
    });
    expect(newEmail).toMatchObject({ id: email.id, createdAt: email.createdAt, value: 'ida@new.test' });
    expect(newPhone).toMatchObject({ id: phone.id, createdAt: phone.createdAt, value: '+61412000222' });
    await expect(
      caller.profiles.contactPoints.get({ profileId: profile.id, id: email.id }),
    ).resolves.toMatchObject({ value: 'ida@new.test', isPrimary: true });

    await caller.profiles.update({ id: profile.id, email: 'ida@third.test', mobilePhone: '0412 000 333' });
    expect(await caller.profiles.contactPoints.list({ profileId: profile.id })).toMatchObject([
      { id: email.id, createdAt: email.createdAt, value: 'ida@third.test', isPrimary: true },
      { id: phone.id, createdAt: phone.createdAt, value: '+61412000333', isPrimary: true },
    ]);
  });

  it('make another email or phone primary, keeping the former primary beside it with its id, audited', async () => {
    const owner = await ownerWithRegion();
    const { caller } = owner;
    const profile = await caller.profiles.create({
      firstName: 'Pri',
      email: 'pri@example.com',
      mobilePhone: '0412 100 100',
    });
    const [formerEmail, formerPhone] = await caller.profiles.contactPoints.list({ profileId: profile.id });
    const work = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'pri@work.test',
    });
    const desk = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'phone',
      value: '0412 100 200',
    });
    expect([work.isPrimary, desk.isPrimary]).toEqual([false, false]);

    expect(
      await caller.profiles.contactPoints.setPrimary({ profileId: profile.id, id: work.id }),
    ).toMatchObject({
      id: work.id,
      createdAt: work.createdAt,
      value: 'pri@work.test',
      isPrimary: true,
    });
    await caller.profiles.contactPoints.setPrimary({ profileId: profile.id, id: desk.id });
    expect(await caller.profiles.get({ id: profile.id })).toMatchObject({
      email: 'pri@work.test',
      mobilePhone: { e164: '+61412100200' },
    });
    const listed = await caller.profiles.contactPoints.list({ profileId: profile.id });
    expect(listed.map((point) => [point.id, point.value, point.isPrimary])).toEqual([
      [formerEmail?.id, 'pri@example.com', false],
      [work.id, 'pri@work.test', true],
      [formerPhone?.id, '+61412100100', false],
      [desk.id, '+61412100200', true],
    ]);

    const trail = await listAuditEntries(
      app.database.db,
      workspaceScope(owner.member.workspaceId),
      'contact_point',
      work.id,
    );
    expect(trail.map((entry) => entry.action)).toEqual(['contact_point.create', 'contact_point.set_primary']);
    expect(
      await failureOf(
        caller.profiles.contactPoints.setPrimary({
          profileId: profile.id,
          id: '8a7d5f0e-3b1c-4d2e-9f6a-1b2c3d4e5f60',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', domainCode: 'CONTACT_POINT_NOT_FOUND', paths: ['id'] });
  });

  it('keep one primary email and every contact point when many are made primary at once', async () => {
    const { caller } = await ownerWithRegion();
    const profile = await caller.profiles.create({ firstName: 'Many', email: 'many-0@example.com' });
    for (let index = 1; index < 8; index++) {
      await caller.profiles.contactPoints.create({
        profileId: profile.id,
        key: 'email',
        value: `many-${index}@example.com`,
      });
    }
    const before = await caller.profiles.contactPoints.list({ profileId: profile.id });
    await Promise.all(
      before.map((point) =>
        caller.profiles.contactPoints.setPrimary({ profileId: profile.id, id: point.id }),
      ),
    );
    const after = await caller.profiles.contactPoints.list({ profileId: profile.id });
    expect(after.map((point) => [point.id, point.value])).toEqual(
      before.map((point) => [point.id, point.value]),
    );
    const primaries = after.filter((point) => point.isPrimary);
    expect(primaries).toHaveLength(1);
    expect((await caller.profiles.get({ id: profile.id })).email).toBe(primaries[0]?.value);
  });

  it('carry a uuid, unique among a profile’s contact points, that two profiles may share', async () => {
    const { caller } = await ownerWithRegion();
    const profile = await caller.profiles.create({ firstName: 'Uma' });
    const first = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: 'uma@example.com',
      uuid: 'crm-1',
    });
    expect(first).toMatchObject({ isPrimary: true, uuid: 'crm-1' });
    const second = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'phone',
      value: '0412 200 200',
    });
    expect(second.uuid).toBeNull();
    expect(
      await failureOf(
        caller.profiles.contactPoints.update({
          profileId: profile.id,
          id: second.id,
          key: 'phone',
          value: '0412 200 200',
          uuid: 'crm-1',
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'CONTACT_POINT_UUID_TAKEN', paths: ['uuid'] });
    expect(
      await failureOf(
        caller.profiles.contactPoints.create({
          profileId: profile.id,
          key: 'email',
          value: 'uma@work.test',
          uuid: 'crm-1',
        }),
      ),
    ).toMatchObject({ domainCode: 'CONTACT_POINT_UUID_TAKEN', paths: ['uuid'] });

    const renamed = await caller.profiles.contactPoints.update({
      profileId: profile.id,
      id: first.id,
      key: 'email',
      value: 'uma@new.test',
    });
    expect(renamed).toMatchObject({ id: first.id, uuid: 'crm-1' });
    const other = await caller.profiles.create({ firstName: 'Ola' });
    await expect(
      caller.profiles.contactPoints.create({
        profileId: other.id,
        key: 'email',
        value: 'ola@example.com',
        uuid: 'crm-1',
      }),
    ).resolves.toMatchObject({ uuid: 'crm-1' });
    await expect(
      caller.profiles.contactPoints.update({
        profileId: profile.id,
        id: first.id,
        key: 'email',
        value: 'uma@new.test',
        uuid: null,
      }),
    ).resolves.toMatchObject({ id: first.id, uuid: null });
    await expect(
      caller.profiles.contactPoints.update({
        profileId: profile.id,
        id: second.id,
        key: 'phone',
        value: '0412 200 200',
        uuid: 'crm-1',
      }),
    ).resolves.toMatchObject({ uuid: 'crm-1' });
    expect(
      await failureOf(
        caller.profiles.contactPoints.create({
          profileId: profile.id,
          key: 'email',
          value: 'uma@third.test',
          contactId: 'x',
        } as never),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('let one of 8 concurrent changes of primary emails to the same value win, each other keeping its own', async () => {
    const { caller } = await ownerWithRegion();
    const profiles = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        caller.profiles.create({ firstName: `Renamer ${index}`, email: `renamer-${index}@example.com` }),
      ),
    );
    const primaries = await Promise.all(
      profiles.map(
        async (profile) => (await caller.profiles.contactPoints.list({ profileId: profile.id }))[0],
      ),
    );
    const outcomes = await Promise.allSettled(
      profiles.map((profile, index) =>
        caller.profiles.contactPoints.update({
          profileId: profile.id,
          id: primaries[index]?.id ?? '',
          key: 'email',
          value: 'renamed@example.com',
        }),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') {
        expect((outcome.reason as TRPCError).cause).toMatchObject({
          code: 'PROFILE_EMAIL_TAKEN',
          path: 'value',
        });
      }
    }
    for (const [index, profile] of profiles.entries()) {
      const [point] = await caller.profiles.contactPoints.list({ profileId: profile.id });
      expect(point?.id).toBe(primaries[index]?.id);
    }
  });
});
