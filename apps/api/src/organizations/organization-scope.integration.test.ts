import { randomUUID } from 'node:crypto';
import { DomainError } from '@tessera/domain';
import { TRPCError } from '@trpc/server';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { appRouter, createCaller } from '../router.ts';
import { proceduresOf } from '../testing/arbitrary-input.ts';
import { failureOf } from '../testing/failure-of.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { createScopeFixture, type ScopeFixture, type Target } from './organization-scope.testing.ts';

/**
 * How each read procedure names a record an organization scope is about, one input per way; or
 * why it reads nothing a scope limits (structure, the caller itself, members and tokens); or, for
 * a read that counts over every organization the member may see, its input (what it counts must
 * leave out the organizations outside the scope). A read procedure without a line here fails the
 * matrix: each new one must say how it keeps to the scope.
 */
const readMatrix: Record<
  string,
  Record<string, (target: Target) => unknown> | { unscoped: string } | { countsOverScope: unknown }
> = {
  'auth.me': { unscoped: 'the caller itself' },
  'members.list': { unscoped: 'members, not organizations or profiles' },
  'members.organizationScope': { unscoped: 'a member’s scope, read by admins, whom no scope limits' },
  'tokens.list': { unscoped: 'API tokens' },
  'workspaceSettings.get': { unscoped: 'the workspace’s settings' },
  'attributeDefinitions.list': { unscoped: 'structure' },
  'attributeDefinitions.get': { unscoped: 'structure' },
  'profileTypes.list': { unscoped: 'structure' },
  'profileTypes.get': { unscoped: 'structure' },
  'profileTypes.getDefaultWorkflow': { unscoped: 'structure' },
  'workflows.list': { unscoped: 'structure' },
  'workflows.get': { unscoped: 'structure' },
  'relationships.list': { unscoped: 'structure' },
  'relationships.get': { unscoped: 'structure' },
  'seeds.export': { unscoped: 'structure' },
  'profiles.get': { byId: (t) => ({ id: t.profileId }) },
  'profiles.getByEmail': {
    byEmail: (t) => ({ email: t.email }),
    bySecondEmail: (t) => ({ email: t.email.replace('-', '-second-') }),
  },
  'profiles.list': {
    byEmailFilter: (t) => ({ filter: { email: t.email } }),
    bySearch: (t) => ({ q: t.profileName }),
    bySearchOfSecondEmail: (t) => ({ q: t.email.replace('-', '-second-') }),
    bySecondEmail: (t) => ({ filter: { email: t.email.replace('-', '-second-') } }),
    byOrganization: (t) => ({ filter: { organizationId: t.organizationId } }),
    byProfileType: (t) => ({ filter: { profileTypeId: t.contactsTypeId } }),
  },
  'profiles.contactPoints.list': { byProfile: (t) => ({ profileId: t.profileId }) },
  'profiles.contactPoints.get': { byIds: (t) => ({ profileId: t.profileId, id: t.contactPointId }) },
  'profiles.identities.list': { byProfile: (t) => ({ profileId: t.profileId }) },
  'sourceRecords.list': { byProfile: (t) => ({ profileId: t.profileId }) },
  'sourceRecords.get': { byId: (t) => ({ id: t.sourceRecordId }) },
  'sourceRecords.getByQuery': { byQuery: (t) => ({ identifierQuery: t.identifierQuery }) },
  'attributeValues.get': {
    ofProfile: (t) => ({ objectKind: 'contacts', recordId: t.profileId }),
    ofOrganization: (t) => ({ objectKind: 'organizations', recordId: t.organizationId }),
  },
  'profileTypes.listAdopters': {
    ofContactsType: (t) => ({ id: t.contactsTypeId }),
    ofOrganizationsType: (t) => ({ id: t.organizationsTypeId }),
  },
  'workflows.recordStages': {
    ofProfile: (t) => ({ objectKind: 'contacts', recordId: t.profileId }),
    ofOrganization: (t) => ({ objectKind: 'organizations', recordId: t.organizationId }),
  },
  'relationships.links': {
    ofProfile: (t) => ({ objectKind: 'contacts', recordId: t.profileId }),
    ofOrganization: (t) => ({ objectKind: 'organizations', recordId: t.organizationId }),
  },
  'organizations.get': { byId: (t) => ({ id: t.organizationId }) },
  'organizations.list': { bySearch: (t) => ({ q: t.organizationName }) },
  'memberships.list': {
    ofOrganization: (t) => ({ organizationId: t.organizationId }),
    contactsOfOrganization: (t) => ({ organizationId: t.organizationId, contactsOnly: true }),
    ofProfile: (t) => ({ profileId: t.profileId }),
  },
  'usage.list': {
    ofOrganization: (t) => ({ organizationId: t.organizationId }),
    ofProfile: (t) => ({ profileId: t.profileId }),
  },
  'usage.onEvent': {
    ofOrganization: (t) => ({ organizationId: t.organizationId }),
    ofProfile: (t) => ({ profileId: t.profileId }),
  },
  'campaigns.summary': { ofProfile: (t) => ({ profileId: t.profileId }) },
  'audit.list': {
    ofProfile: (t) => ({ recordKind: 'profile', recordId: t.profileId }),
    ofSourceRecord: (t) => ({ recordKind: 'source_record', recordId: t.sourceRecordId }),
    ofOrganization: (t) => ({ recordKind: 'organization', recordId: t.organizationId }),
  },
  'usage.summary': { countsOverScope: { from: isoDay(-1), to: isoDay(1), groupBy: 'organization' } },
  'surveys.list': { ofProfile: (t) => ({ profileId: t.profileId }) },
  'surveys.latest': { ofProfile: (t) => ({ profileId: t.profileId }) },
};

/** The day `offset` days from today, in UTC (the fixture's workspace's time zone). */
function isoDay(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

type Answer =
  | { isOk: true; data: unknown }
  | { isOk: false; code: string; domainCode?: string; path?: string; message: string; details?: unknown };

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** What a call answered: its data (a stream as such), or its error as a client reads it. */
async function answerOf(call: () => Promise<unknown>): Promise<Answer> {
  try {
    const data = await call();
    return { isOk: true, data: isAsyncIterable(data) ? 'a stream of events' : data };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    const { cause } = error;
    if (cause instanceof DomainError) {
      const { code, path, message, details } = cause;
      return { isOk: false, code: error.code, domainCode: code, path, message, details };
    }
    if (cause instanceof ZodError) return { isOk: false, code: error.code, message: cause.message };
    return { isOk: false, code: error.code, message: error.message };
  }
}

/** An answer as text with the values the request named replaced, to compare answers about different records. */
function masked(answer: Answer, target: Target): string {
  const values = (Object.values(target) as string[]).sort((one, other) => other.length - one.length);
  return values.reduce((text, value) => text.replaceAll(value, '<value>'), JSON.stringify(answer));
}

let server: TestServer;
let fixture: ScopeFixture;
const streams = new AbortController();

beforeAll(async () => {
  server = await startTestServer();
  fixture = await createScopeFixture(server.app);
});
afterAll(async () => {
  streams.abort();
  await server.close();
});

function agentCaller() {
  return createCaller(server.app.contextFor(fixture.agent.actor), { signal: streams.signal });
}

function procedureAt(caller: ReturnType<typeof createCaller>, path: string) {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    input: unknown,
  ) => Promise<unknown>;
}

describe('the organization scope matrix', { timeout: 120_000 }, () => {
  it('has a line for every read procedure, and none for a procedure that is gone', () => {
    const reads = proceduresOf(appRouter)
      .filter((entry) => entry.type !== 'mutation')
      .map((entry) => entry.path);
    expect(
      reads.filter((path) => !(path in readMatrix)),
      'read procedures without a line',
    ).toEqual([]);
    expect(
      Object.keys(readMatrix).filter((path) => !reads.includes(path)),
      'lines of no procedure',
    ).toEqual([]);
  });

  it('answers a scoped agent about records outside its organizations as about records that do not exist', async () => {
    const caller = agentCaller();
    const findings: string[] = [];
    const leaksIn = (text: string) =>
      fixture.secrets.filter((secret) => secret !== '' && text.includes(secret));
    for (const [path, line] of Object.entries(readMatrix)) {
      if ('unscoped' in line || 'countsOverScope' in line) continue;
      const call = procedureAt(caller, path);
      for (const [name, inputOf] of Object.entries(line)) {
        const subject = `${path} ${name}`;
        const none = await answerOf(() => call(inputOf(fixture.nothing)));
        const inside = await answerOf(() => call(inputOf(fixture.inside)));
        if (!inside.isOk) findings.push(`${subject}: refuses a record in scope: ${JSON.stringify(inside)}`);
        else if (masked(inside, fixture.inside) === masked(none, fixture.nothing)) {
          findings.push(`${subject}: answers a record in scope as one that does not exist`);
        }
        for (const leak of leaksIn(JSON.stringify(inside)))
          findings.push(`${subject}: shows ${leak} in scope`);
        for (const target of fixture.outside) {
          const outside = await answerOf(() => call(inputOf(target)));
          if (masked(outside, target) !== masked(none, fixture.nothing)) {
            findings.push(
              `${subject}: ${masked(outside, target)} instead of ${masked(none, fixture.nothing)}`,
            );
          }
          for (const leak of leaksIn(masked(outside, target))) findings.push(`${subject}: shows ${leak}`);
        }
      }
    }
    expect(findings).toEqual([]);
  });

  it('counts for a scoped agent only the organizations in its scope', async () => {
    const caller = agentCaller();
    const findings: string[] = [];
    for (const [path, line] of Object.entries(readMatrix)) {
      if (!('countsOverScope' in line)) continue;
      const ofAgent = JSON.stringify(await procedureAt(caller, path)(line.countsOverScope));
      const ofOwner = JSON.stringify(await procedureAt(fixture.owner.caller, path)(line.countsOverScope));
      if (!ofAgent.includes(fixture.inside.organizationId))
        findings.push(`${path}: does not count the organization in scope`);
      for (const secret of fixture.secrets.filter((each) => each !== '' && ofAgent.includes(each)))
        findings.push(`${path}: shows ${secret}`);
      for (const target of fixture.outside) {
        if (!ofOwner.includes(target.organizationId))
          findings.push(`${path}: does not count ${target.organizationName} for the owner either`);
      }
    }
    expect(findings).toEqual([]);
    const summary = await caller.usage.summary({ from: isoDay(-1), to: isoDay(1) });
    const ownSummary = await fixture.owner.caller.usage.summary({ from: isoDay(-1), to: isoDay(1) });
    expect([summary.total, ownSummary.total]).toEqual([1, 2]);
  });

  it('answers the owner, whom no scope limits, about every record the agent does not see', async () => {
    const caller = fixture.owner.caller;
    for (const target of fixture.outside) {
      await expect(caller.profiles.get({ id: target.profileId })).resolves.toMatchObject({
        id: target.profileId,
      });
      await expect(caller.sourceRecords.get({ id: target.sourceRecordId })).resolves.toBeDefined();
      await expect(caller.organizations.get({ id: target.organizationId })).resolves.toBeDefined();
    }
  });
});

describe('changes by a scoped agent', () => {
  /** How each change names a record the agent may not see; `fresh` is text no record holds. */
  function writes(ids: { knows: string; workflow: string; stage: string }, fresh: string) {
    const { inside } = fixture;
    const cases: Record<string, [string, (t: Target) => unknown]> = {
      'update a profile': ['profiles.update', (t) => ({ id: t.profileId, firstName: fresh })],
      'add a contact point': [
        'profiles.contactPoints.create',
        (t) => ({ profileId: t.profileId, key: 'email', value: `${fresh}@example.com` }),
      ],
      'change a contact point': [
        'profiles.contactPoints.update',
        (t) => ({
          profileId: t.profileId,
          id: t.contactPointId,
          key: 'email',
          value: `${fresh}@example.com`,
        }),
      ],
      'make a contact point primary': [
        'profiles.contactPoints.setPrimary',
        (t) => ({ profileId: t.profileId, id: t.contactPointId }),
      ],
      'remove a contact point': [
        'profiles.contactPoints.delete',
        (t) => ({ profileId: t.profileId, id: t.contactPointId }),
      ],
      'set a primary identity': [
        'profiles.identities.setPrimary',
        (t) => ({ profileId: t.profileId, id: ulid() }),
      ],
      'replace a source record': [
        'sourceRecords.update',
        (t) => ({ id: t.sourceRecordId, identifiers: [{ type: 'external_id', value: fresh }] }),
      ],
      'patch a source record': [
        'sourceRecords.patch',
        (t) => ({ id: t.sourceRecordId, attributes: { a: 1 } }),
      ],
      'patch a source record by query': [
        'sourceRecords.patchByQuery',
        (t) => ({ identifierQuery: t.identifierQuery, attributes: { a: 1 } }),
      ],
      'delete a source record': ['sourceRecords.delete', (t) => ({ id: t.sourceRecordId })],
      'add a source record to a profile': [
        'sourceRecords.upsertForProfile',
        (t) => ({ profileId: t.profileId, identifierQuery: `matrixshop:customer:external_id:${fresh}` }),
      ],
      'attach a profile type': [
        'profileTypes.attach',
        (t) => ({ id: inside.contactsTypeId, recordId: t.profileId }),
      ],
      'detach a profile type': [
        'profileTypes.detach',
        (t) => ({ id: t.contactsTypeId, recordId: t.profileId }),
      ],
      'set a profile’s attributes': [
        'attributeValues.set',
        (t) => ({ objectKind: 'contacts', recordId: t.profileId, attributes: { note: fresh } }),
      ],
      'set an organization’s attributes': [
        'attributeValues.set',
        (t) => ({ objectKind: 'organizations', recordId: t.organizationId, attributes: { seats: 9 } }),
      ],
      'move a profile in a workflow': [
        'workflows.moveRecord',
        (t) => ({ id: ids.workflow, recordId: t.profileId, stageId: ids.stage }),
      ],
      'take a profile out of a workflow': [
        'workflows.removeRecord',
        (t) => ({ id: ids.workflow, recordId: t.profileId }),
      ],
      'link to a profile': [
        'relationships.link',
        (t) => ({ id: ids.knows, sourceId: inside.profileId, targetId: t.profileId }),
      ],
      'link from a profile': [
        'relationships.link',
        (t) => ({ id: ids.knows, sourceId: t.profileId, targetId: inside.profileId }),
      ],
      'unlink a profile': [
        'relationships.unlink',
        (t) => ({ id: ids.knows, sourceId: inside.profileId, targetId: t.profileId }),
      ],
      'rename an organization': ['organizations.update', (t) => ({ id: t.organizationId, name: fresh })],
      'create a contact of an organization': [
        'organizations.createContact',
        (t) => ({ organizationId: t.organizationId, firstName: fresh }),
      ],
      'add a profile to an organization in scope': [
        'memberships.create',
        (t) => ({ organizationId: inside.organizationId, profileId: t.profileId }),
      ],
      'add a profile in scope to an organization': [
        'memberships.create',
        (t) => ({ organizationId: t.organizationId, profileId: inside.profileId }),
      ],
      'change a membership': [
        'memberships.update',
        (t) => ({ organizationId: t.organizationId, profileId: t.profileId, isKeyContact: true }),
      ],
      'remove a membership': [
        'memberships.delete',
        (t) => ({ organizationId: t.organizationId, profileId: t.profileId }),
      ],
      'record a survey response': [
        'surveys.record',
        (t) => ({
          responses: [
            {
              id: `survey-${fresh}`,
              profileId: t.profileId,
              survey: 'NPS',
              question: 'How likely?',
              score: 1,
              respondedAt: new Date(),
            },
          ],
        }),
      ],
    };
    return cases;
  }

  /** What the owner reads of the records outside the agent's scope. */
  async function outsideAsOwnerReadsIt() {
    const { caller } = fixture.owner;
    const read = [];
    for (const t of fixture.outside) {
      read.push(
        await caller.profiles.get({ id: t.profileId }),
        await caller.profiles.contactPoints.list({ profileId: t.profileId }),
        await caller.sourceRecords.list({ profileId: t.profileId }),
        await caller.attributeValues.get({ objectKind: 'contacts', recordId: t.profileId }),
        await caller.attributeValues.get({ objectKind: 'organizations', recordId: t.organizationId }),
        await caller.workflows.recordStages({ objectKind: 'contacts', recordId: t.profileId }),
        await caller.relationships.links({ objectKind: 'contacts', recordId: t.profileId }),
        await caller.organizations.get({ id: t.organizationId }),
        await caller.memberships.list({ profileId: t.profileId }),
        await caller.surveys.list({ profileId: t.profileId }),
      );
    }
    return read;
  }

  it('answer changes to records outside its organizations as to records that do not exist, and change nothing', async () => {
    const { caller: owner } = fixture.owner;
    const [knows] = (await owner.relationships.list()).filter((each) => each.slug === 'knows');
    const [workflow] = (await owner.workflows.list({ objectKind: 'contacts' })).filter(
      (each) => each.slug === 'lifecycle',
    );
    const stage = workflow?.stages[0];
    if (!knows || !workflow || !stage) throw new Error('the fixture has no relationship or workflow');
    const before = await outsideAsOwnerReadsIt();
    const caller = agentCaller();
    const findings: string[] = [];
    for (const [name, [path, inputOf]] of Object.entries(
      writes({ knows: knows.id, workflow: workflow.id, stage: stage.id }, `fresh${Date.now()}`),
    )) {
      const call = procedureAt(caller, path);
      const none = masked(await answerOf(() => call(inputOf(fixture.nothing))), fixture.nothing);
      for (const target of fixture.outside) {
        const outside = masked(await answerOf(() => call(inputOf(target))), target);
        if (outside !== none) findings.push(`${name} (${path}): ${outside} instead of ${none}`);
      }
    }
    expect(findings).toEqual([]);
    expect(await outsideAsOwnerReadsIt()).toEqual(before);
  });

  it('are refused where they would make a profile or an organization outside its organizations', async () => {
    const caller = agentCaller();
    const refused = { code: 'FORBIDDEN', domainCode: 'FORBIDDEN' };
    expect(await failureOf(caller.profiles.create({ firstName: 'Stray' }))).toMatchObject(refused);
    expect(
      await failureOf(caller.profiles.upsert({ email: fixture.inside.email, firstName: 'Stray' })),
    ).toMatchObject(refused);
    expect(await failureOf(caller.organizations.create({ name: 'Stray Inc.' }))).toMatchObject(refused);
    expect(
      await failureOf(
        caller.sourceRecords.upsert({ identifierQuery: `strayshop:customer:email:stray-${ulid()}@x.test` }),
      ),
    ).toMatchObject(refused);
  });

  it('make contacts of its organizations, which it sees at once', async () => {
    const caller = agentCaller();
    const { profile, membership } = await caller.organizations.createContact({
      organizationId: fixture.inside.organizationId,
      firstName: 'Newcomer',
    });
    expect(membership).toMatchObject({ isContact: true, organizationId: fixture.inside.organizationId });
    await expect(caller.profiles.get({ id: profile.id })).resolves.toMatchObject({ firstName: 'Newcomer' });
    const contacts = await caller.memberships.list({
      organizationId: fixture.inside.organizationId,
      contactsOnly: true,
    });
    expect(contacts.items.map((item) => item.profileId)).toContain(profile.id);
  });
});

describe('the REST routes for a scoped agent', () => {
  async function rest(path: string): Promise<{ status: number; body: string }> {
    const answer = await fetch(`${server.url}${path}`, {
      headers: { authorization: `Bearer ${fixture.agent.token}` },
    });
    // An error names its request by id, which differs between requests.
    return {
      status: answer.status,
      body: (await answer.text()).replace(/"id":"[^"]*"/g, '"id":"<request>"'),
    };
  }

  const routes: [string, (target: Target) => string][] = [
    ['a profile’s source records', (t) => `/api/v2/users/${t.profileId}/profiles`],
    ['a source record by id', (t) => `/api/v2/user_profiles/${t.sourceRecordId}`],
    ['a source record by identifier query', (t) => `/api/v2/user_profiles?identifier=${t.identifierQuery}`],
  ];

  for (const [name, pathOf] of routes) {
    it(`answer ${name} outside its organizations as one that does not exist`, async () => {
      const inside = await rest(pathOf(fixture.inside));
      expect(inside.status).toBe(200);
      expect(inside.body).toContain(fixture.inside.profileId);
      const none = await rest(pathOf(fixture.nothing));
      expect(none.status).toBe(404);
      for (const target of fixture.outside) {
        const outside = await rest(pathOf(target));
        expect({
          status: outside.status,
          body: outside.body.replaceAll(target.identifierQuery, '<query>'),
        }).toEqual({
          status: none.status,
          body: none.body.replaceAll(fixture.nothing.identifierQuery, '<query>'),
        });
      }
    });
  }

  it('refuse a record id that cannot name anything as one that names nothing', async () => {
    expect((await rest(`/api/v2/user_profiles/${ulid()}`)).status).toBe(404);
  });
});

describe('changes by a scoped agent to records it sees, naming another id that does not fit them', () => {
  /** What the owner reads of the agent's own records. */
  async function insideAsOwnerReadsIt() {
    const { caller } = fixture.owner;
    const { profileId, organizationId } = fixture.inside;
    return [
      await caller.profiles.get({ id: profileId }),
      await caller.profiles.contactPoints.list({ profileId }),
      await caller.profiles.identities.list({ profileId }),
      await caller.attributeValues.get({ objectKind: 'contacts', recordId: profileId }),
      await caller.attributeValues.get({ objectKind: 'organizations', recordId: organizationId }),
      await caller.workflows.recordStages({ objectKind: 'contacts', recordId: profileId }),
      await caller.relationships.links({ objectKind: 'contacts', recordId: profileId }),
      await caller.memberships.list({ profileId }),
    ];
  }

  it('are refused, and change nothing', async () => {
    const { caller: owner } = fixture.owner;
    const { inside } = fixture;
    const [outsider] = fixture.outside;
    if (!outsider) throw new Error('the fixture has no outsider');
    const relationships = await owner.relationships.list();
    const knows = relationships.find((each) => each.slug === 'knows');
    const worksAt = relationships.find((each) => each.slug !== 'knows');
    const contactsFlow = (await owner.workflows.list({ objectKind: 'contacts' }))[0];
    const organizationsFlow = (await owner.workflows.list({ objectKind: 'organizations' }))[0];
    const otherStage = organizationsFlow?.stages[0];
    const [outsiderIdentity] = (await owner.profiles.identities.list({ profileId: outsider.profileId }))
      .identities;
    if (!knows || !worksAt || !contactsFlow || !organizationsFlow || !otherStage || !outsiderIdentity) {
      throw new Error('the fixture lacks a relationship, a workflow or an identity');
    }
    const cases: Record<string, [string, unknown]> = {
      'a stage of another workflow': [
        'workflows.moveRecord',
        { id: contactsFlow.id, recordId: inside.profileId, stageId: otherStage.id },
      ],
      'a stage that exists nowhere': [
        'workflows.moveRecord',
        { id: contactsFlow.id, recordId: inside.profileId, stageId: randomUUID() },
      ],
      'a profile where the workflow moves organizations': [
        'workflows.moveRecord',
        { id: organizationsFlow.id, recordId: inside.profileId, stageId: otherStage.id },
      ],
      'a workflow that exists nowhere': [
        'workflows.removeRecord',
        { id: randomUUID(), recordId: inside.profileId },
      ],
      'another profile’s contact point, to change': [
        'profiles.contactPoints.update',
        { profileId: inside.profileId, id: outsider.contactPointId, key: 'email', value: 'x@example.com' },
      ],
      'another profile’s contact point, to remove': [
        'profiles.contactPoints.delete',
        { profileId: inside.profileId, id: outsider.contactPointId },
      ],
      'another profile’s identity': [
        'profiles.identities.setPrimary',
        { profileId: inside.profileId, id: outsiderIdentity.id },
      ],
      'an organization where a profile is expected': [
        'relationships.link',
        { id: knows.id, sourceId: inside.profileId, targetId: inside.organizationId },
      ],
      'a profile where an organization is expected': [
        'relationships.link',
        { id: worksAt.id, sourceId: inside.profileId, targetId: inside.profileId },
      ],
      'a relationship that exists nowhere': [
        'relationships.unlink',
        { id: randomUUID(), sourceId: inside.profileId, targetId: inside.profileId },
      ],
      'an organizations type for a profile': [
        'profileTypes.attach',
        { id: inside.organizationsTypeId, recordId: inside.profileId },
      ],
      'a profile as an organization': [
        'attributeValues.set',
        { objectKind: 'organizations', recordId: inside.profileId, attributes: { seats: 3 } },
      ],
      'a membership of a profile in another organization': [
        'memberships.update',
        { organizationId: inside.organizationId, profileId: outsider.profileId, isKeyContact: true },
      ],
      'a profile that exists nowhere in an organization it sees': [
        'memberships.create',
        { organizationId: inside.organizationId, profileId: randomUUID() },
      ],
    };
    const before = await insideAsOwnerReadsIt();
    const caller = agentCaller();
    const accepted: string[] = [];
    for (const [name, [path, input]] of Object.entries(cases)) {
      const answer = await answerOf(() => procedureAt(caller, path)(input));
      if (answer.isOk) accepted.push(`${name} (${path})`);
    }
    expect(accepted).toEqual([]);
    expect(await insideAsOwnerReadsIt()).toEqual(before);
  });
});
