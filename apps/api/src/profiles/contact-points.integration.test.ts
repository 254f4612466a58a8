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
    expect(changed).toMatchObject({ value: 'pia@new.test', isPrimary: true });
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
});
