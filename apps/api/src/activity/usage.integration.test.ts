import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureOf } from '../testing/failure-of.ts';
import { memberOfRole } from '../testing/member-of-role.ts';
import { createTestApp, type TestApp, type TestMember } from '../testing/test-app.ts';
import { acmeWithAda, addProfile, minutesAgo, usageEvent as event } from './activity.testing.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function storedCount(member: TestMember) {
  const { count } = await app.database.db
    .selectFrom('usage_events')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('workspace_id', '=', member.member.workspaceId)
    .executeTakeFirstOrThrow();
  return Number(count);
}

describe('usage.ingest', () => {
  it('records each event with the email its profile had at the time', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    expect(await owner.caller.usage.ingest({ events: [event('e-1', acme, ada.id, 5)] })).toEqual({
      accepted: 1,
      duplicates: [],
    });
    await owner.caller.profiles.update({ id: ada.id, email: 'ada@lovelace.example' });
    await owner.caller.usage.ingest({ events: [event('e-2', acme, ada.id, 1)] });
    const { items } = await owner.caller.usage.list({ organizationId: acme });
    expect(items).toEqual([
      {
        id: 'e-2',
        organizationId: acme,
        profileId: ada.id,
        email: 'ada@lovelace.example',
        module: 'Billing',
        activity: 'Open invoice',
        occurredAt: expect.any(Date) as Date,
      },
      expect.objectContaining({ id: 'e-1', email: 'ada@example.com' }),
    ]);
  });

  it('answers a batch sent again with its ids as duplicates and stores nothing twice', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const batch = { events: [event('a', acme, ada.id), event('b', acme, ada.id)] };
    expect(await owner.caller.usage.ingest(batch)).toEqual({ accepted: 2, duplicates: [] });
    expect(await owner.caller.usage.ingest(batch)).toEqual({ accepted: 0, duplicates: ['a', 'b'] });
    expect(
      await owner.caller.usage.ingest({
        events: [event('c', acme, ada.id), { ...event('a', acme, ada.id), activity: 'Other' }],
      }),
    ).toEqual({ accepted: 1, duplicates: ['a'] });
    expect(await storedCount(owner)).toBe(3);
  });

  it('refuses the whole batch at the field of an event it cannot record', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
    const grace = await owner.caller.profiles.create({ firstName: 'Grace' });
    const other = await acmeWithAda(app);
    const good = event('good', acme, ada.id);
    const cases = [
      {
        bad: event('x', randomUUID(), ada.id),
        domainCode: 'ORGANIZATION_NOT_FOUND',
        path: 'events.1.organizationId',
      },
      {
        bad: event('x', other.acme, ada.id),
        domainCode: 'ORGANIZATION_NOT_FOUND',
        path: 'events.1.organizationId',
      },
      { bad: event('x', acme, randomUUID()), domainCode: 'PROFILE_NOT_FOUND', path: 'events.1.profileId' },
      { bad: event('x', acme, other.ada.id), domainCode: 'PROFILE_NOT_FOUND', path: 'events.1.profileId' },
      { bad: event('x', globex, ada.id), domainCode: 'MEMBERSHIP_NOT_FOUND', path: 'events.1.profileId' },
      { bad: event('x', acme, grace.id), domainCode: 'MEMBERSHIP_NOT_FOUND', path: 'events.1.profileId' },
      { bad: event('x', acme, ada.id, -60), domainCode: 'INVALID_FIELD', path: 'events.1.occurredAt' },
    ];
    for (const { bad, domainCode, path } of cases) {
      expect(await failureOf(owner.caller.usage.ingest({ events: [good, bad] }))).toMatchObject({
        domainCode,
        paths: [path],
      });
    }
    expect(await storedCount(owner)).toBe(0);
    expect(
      await failureOf(owner.caller.usage.ingest({ events: [good, { ...good, id: 'y', module: '' }] })),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['events.1.module'] });
    expect(
      await failureOf(owner.caller.usage.ingest({ events: [good, event('y', acme, ada.id), good] })),
    ).toMatchObject({ code: 'BAD_REQUEST', paths: ['events.2.id'] });
  });

  it('lets agents record usage and everyone read it', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const agent = await memberOfRole(app, owner, 'agent');
    const viewer = await memberOfRole(app, owner, 'viewer');
    expect(await agent.caller.usage.ingest({ events: [event('by-agent', acme, ada.id)] })).toMatchObject({
      accepted: 1,
    });
    expect(
      await failureOf(viewer.caller.usage.ingest({ events: [event('by-viewer', acme, ada.id)] })),
    ).toMatchObject({
      code: 'FORBIDDEN',
      domainCode: 'FORBIDDEN',
    });
    expect((await viewer.caller.usage.list({ profileId: ada.id })).items.map((item) => item.id)).toEqual([
      'by-agent',
    ]);
  });
});

describe('usage.list', () => {
  it("pages an organization's or a profile's usage, newest first, in a time range and a module", async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const grace = await addProfile(owner, acme, 'Grace');
    await owner.caller.usage.ingest({
      events: [
        event('1', acme, ada.id, 50),
        event('2', acme, grace.id, 40),
        event('3', acme, ada.id, 30, 'Reports'),
        event('4', acme, grace.id, 20),
        event('5', acme, ada.id, 10),
      ],
    });
    const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);
    const first = await owner.caller.usage.list({ organizationId: acme, limit: 2 });
    expect(ids(first)).toEqual(['5', '4']);
    const second = await owner.caller.usage.list({
      organizationId: acme,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(ids(second)).toEqual(['3', '2']);
    const last = await owner.caller.usage.list({ organizationId: acme, limit: 2, cursor: second.nextCursor });
    expect(last).toMatchObject({ nextCursor: null });
    expect(ids(last)).toEqual(['1']);

    expect(ids(await owner.caller.usage.list({ profileId: ada.id }))).toEqual(['5', '3', '1']);
    expect(ids(await owner.caller.usage.list({ profileId: ada.id, module: 'Billing' }))).toEqual(['5', '1']);
    expect(
      ids(await owner.caller.usage.list({ organizationId: acme, from: minutesAgo(45), to: minutesAgo(25) })),
    ).toEqual(['3', '2']);
  });

  it("answers a profile's own usage in one organization, never another person's", async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const grace = await addProfile(owner, acme, 'Grace');
    const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
    await owner.caller.memberships.create({ organizationId: globex, profileId: ada.id });
    await owner.caller.usage.ingest({
      events: [
        event('ada-acme', acme, ada.id, 30),
        event('grace-acme', acme, grace.id, 20),
        event('ada-globex', globex, ada.id, 10),
        event('ada-acme-reports', acme, ada.id, 5, 'Reports'),
      ],
    });
    const page = await owner.caller.usage.list({ organizationId: acme, profileId: ada.id });
    expect(page.items.map((item) => item.id)).toEqual(['ada-acme-reports', 'ada-acme']);
    expect(page.items.every((item) => item.email === 'ada@example.com')).toBe(true);
    const ids = async (input: Parameters<typeof owner.caller.usage.list>[0]) =>
      (await owner.caller.usage.list(input)).items.map((item) => item.id);
    expect(await ids({ organizationId: acme, profileId: ada.id, module: 'Billing' })).toEqual(['ada-acme']);
    expect(await ids({ organizationId: acme, profileId: ada.id, limit: 1 })).toEqual(['ada-acme-reports']);
    expect(await ids({ organizationId: globex, profileId: grace.id })).toEqual([]);

    const other = await acmeWithAda(app);
    expect(
      await failureOf(owner.caller.usage.list({ organizationId: other.acme, profileId: ada.id })),
    ).toMatchObject({ domainCode: 'ORGANIZATION_NOT_FOUND', paths: ['organizationId'] });
    expect(
      await failureOf(owner.caller.usage.list({ organizationId: acme, profileId: other.ada.id })),
    ).toMatchObject({ domainCode: 'PROFILE_NOT_FOUND', paths: ['profileId'] });
  });

  it('answers an organization or profile of nobody, or of another workspace, as not found', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const other = await acmeWithAda(app);
    expect(await owner.caller.usage.list({ organizationId: acme })).toEqual({ items: [], nextCursor: null });
    expect(await owner.caller.usage.list({ profileId: ada.id })).toEqual({ items: [], nextCursor: null });
    for (const organizationId of [other.acme, randomUUID()]) {
      expect(await failureOf(owner.caller.usage.list({ organizationId }))).toMatchObject({
        domainCode: 'ORGANIZATION_NOT_FOUND',
        paths: ['organizationId'],
      });
    }
    for (const profileId of [other.ada.id, randomUUID()]) {
      expect(await failureOf(owner.caller.usage.list({ profileId }))).toMatchObject({
        domainCode: 'PROFILE_NOT_FOUND',
        paths: ['profileId'],
      });
    }
    expect(await failureOf(owner.caller.usage.list({ organizationId: acme, cursor: 'nope' }))).toMatchObject({
      domainCode: 'INVALID_CURSOR',
    });
  });
});

describe('usage.onEvent', () => {
  it('streams the events stored from now on, of the organization or profile asked for, once each', async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
    await owner.caller.memberships.create({ organizationId: globex, profileId: ada.id });
    const other = await acmeWithAda(app);
    await owner.caller.usage.ingest({ events: [event('before', acme, ada.id)] });

    const ofAcme = (await owner.caller.usage.onEvent({ organizationId: acme }))[Symbol.asyncIterator]();
    const ofAda = (await owner.caller.usage.onEvent({ profileId: ada.id }))[Symbol.asyncIterator]();
    const nextOfAcme = ofAcme.next();
    const nextOfAda = ofAda.next();
    await other.owner.caller.usage.ingest({ events: [event('elsewhere', other.acme, other.ada.id)] });
    await owner.caller.usage.ingest({
      events: [event('before', acme, ada.id), event('at-globex', globex, ada.id)],
    });
    await owner.caller.usage.ingest({ events: [event('at-acme', acme, ada.id)] });

    expect(await nextOfAda).toMatchObject({ value: { id: 'at-globex', email: 'ada@example.com' } });
    expect(await ofAda.next()).toMatchObject({ value: { id: 'at-acme' } });
    expect(await nextOfAcme).toMatchObject({
      value: { id: 'at-acme', organizationId: acme, profileId: ada.id, module: 'Billing' },
    });
    await ofAcme.return?.();
    await ofAda.return?.();
  });

  it("streams a profile's own events in one organization, and nobody else's", async () => {
    const { owner, acme, ada } = await acmeWithAda(app);
    const grace = await addProfile(owner, acme, 'Grace');
    const globex = (await owner.caller.organizations.create({ name: 'Globex' })).id;
    await owner.caller.memberships.create({ organizationId: globex, profileId: ada.id });
    const stream = (await owner.caller.usage.onEvent({ organizationId: acme, profileId: ada.id }))[
      Symbol.asyncIterator
    ]();
    const next = stream.next();
    await owner.caller.usage.ingest({
      events: [event('grace-acme', acme, grace.id), event('ada-globex', globex, ada.id)],
    });
    await owner.caller.usage.ingest({ events: [event('ada-acme', acme, ada.id)] });
    expect(await next).toMatchObject({ value: { id: 'ada-acme', profileId: ada.id, organizationId: acme } });
    await stream.return?.();
    expect(
      await failureOf(owner.caller.usage.onEvent({ organizationId: acme, profileId: randomUUID() })),
    ).toMatchObject({ domainCode: 'PROFILE_NOT_FOUND', paths: ['profileId'] });
  });

  it('refuses to stream an organization or profile of nobody', async () => {
    const { owner } = await acmeWithAda(app);
    expect(await failureOf(owner.caller.usage.onEvent({ organizationId: randomUUID() }))).toMatchObject({
      domainCode: 'ORGANIZATION_NOT_FOUND',
    });
    expect(await failureOf(owner.caller.usage.onEvent({ profileId: randomUUID() }))).toMatchObject({
      domainCode: 'PROFILE_NOT_FOUND',
    });
  });
});
