import { randomBytes, randomUUID } from 'node:crypto';
import { ulid } from 'ulid';
import { authenticate } from '../auth/auth.service.ts';
import type { Actor } from '../context.ts';
import type { TestApp, TestMember } from '../testing/test-app.ts';
import { issueToken } from '../tokens/tokens.service.ts';

/** Every value by which a request can name one record of each kind that a scope is about. */
export interface Target {
  profileId: string;
  email: string;
  /** A word of the profile's name, for searches. */
  profileName: string;
  contactPointId: string;
  sourceRecordId: string;
  identifierQuery: string;
  organizationId: string;
  organizationName: string;
  /** A contacts profile type that only this target's profile adopted. */
  contactsTypeId: string;
  /** An organizations profile type that only this target's organization adopted. */
  organizationsTypeId: string;
}

export interface ScopeFixture {
  owner: TestMember;
  /** An agent limited to the inside organization, acting through an API token. */
  agent: { id: string; token: string; actor: Actor };
  /** Records the agent sees: a profile that belongs to the inside organization, and that organization. */
  inside: Target;
  /**
   * Records the agent does not see: a profile of the outside organization and the outside
   * organization; and a profile of no organization (with the outside organization again).
   */
  outside: Target[];
  /** Values that name nothing: random ids, and profile types no record adopted. */
  nothing: Target;
  /** Every value of the records the agent does not see, which no answer to it may hold. */
  secrets: string[];
}

/** A workspace with records in and out of an agent's organization scope, held by every read path. */
export async function createScopeFixture(app: TestApp): Promise<ScopeFixture> {
  const owner = await app.newWorkspace('master');
  const { caller } = owner;
  const mark = randomBytes(4).toString('hex');
  const now = new Date();

  await caller.attributeDefinitions.create({
    objectKind: 'contacts',
    slug: 'note',
    label: 'Note',
    dataType: 'text',
  });
  await caller.attributeDefinitions.create({
    objectKind: 'organizations',
    slug: 'seats',
    label: 'Seats',
    dataType: 'integer',
  });
  const contactsFlow = await caller.workflows.create({
    objectKind: 'contacts',
    slug: 'lifecycle',
    name: 'Lifecycle',
    stages: [{ slug: 'lead', name: 'Lead' }],
  });
  const organizationsFlow = await caller.workflows.create({
    objectKind: 'organizations',
    slug: 'onboarding',
    name: 'Onboarding',
    stages: [{ slug: 'kickoff', name: 'Kickoff' }],
  });
  const contactsType = (slug: string) =>
    caller.profileTypes.create({
      objectKind: 'contacts',
      slug,
      title: `Contacts ${slug}`,
      attributes: ['note'],
      defaultValues: { note: slug },
      defaultWorkflowId: contactsFlow.id,
    });
  const organizationsType = (slug: string) =>
    caller.profileTypes.create({
      objectKind: 'organizations',
      slug,
      title: `Organizations ${slug}`,
      attributes: ['seats'],
      defaultValues: { seats: 3 },
      defaultWorkflowId: organizationsFlow.id,
    });
  const knows = await caller.relationships.create({
    slug: 'knows',
    name: 'Knows',
    sourceKind: 'contacts',
    targetKind: 'contacts',
    cardinality: 'many_to_many',
  });
  const worksAt = await caller.relationships.create({
    slug: 'works-at',
    name: 'Works at',
    sourceKind: 'contacts',
    targetKind: 'organizations',
    cardinality: 'many_to_many',
  });

  /** A profile (a contact of the organization, or of none) with a second email, a source record and a type. */
  async function target(name: string, organization: { id: string; name: string }, isMember: boolean) {
    const email = `${name.toLowerCase()}-${mark}@example.com`;
    const profile = isMember
      ? (
          await caller.organizations.createContact({
            organizationId: organization.id,
            firstName: `${name}${mark}`,
            email,
          })
        ).profile
      : await caller.profiles.create({ firstName: `${name}${mark}`, email });
    const point = await caller.profiles.contactPoints.create({
      profileId: profile.id,
      key: 'email',
      value: `${name.toLowerCase()}-second-${mark}@example.com`,
    });
    const identifierQuery = `matrixshop:customer:external_id:${name}-${mark}`;
    const record = await caller.sourceRecords.upsertForProfile({ profileId: profile.id, identifierQuery });
    const type = await contactsType(`${name.toLowerCase()}-contacts`);
    await caller.profileTypes.attach({ id: type.id, recordId: profile.id });
    return {
      profileId: profile.id,
      email,
      profileName: `${name}${mark}`,
      contactPointId: point.id,
      sourceRecordId: record.id,
      identifierQuery,
      organizationId: organization.id,
      organizationName: organization.name,
      contactsTypeId: type.id,
    };
  }

  async function organization(name: string) {
    const created = await caller.organizations.create({
      name: `${name} ${mark}`,
      externalId: `${name}-${mark}`,
      domain: `${name.toLowerCase()}-${mark}.example`,
    });
    const type = await organizationsType(`${name.toLowerCase()}-organizations`);
    await caller.profileTypes.attach({ id: type.id, recordId: created.id });
    return { ...created, organizationsTypeId: type.id };
  }

  const insideOrganization = await organization('Inside');
  const outsideOrganization = await organization('Outside');
  const inside = {
    ...(await target('Insider', insideOrganization, true)),
    organizationsTypeId: insideOrganization.organizationsTypeId,
  };
  const outsider = {
    ...(await target('Outsider', outsideOrganization, true)),
    organizationsTypeId: outsideOrganization.organizationsTypeId,
  };
  const loner = {
    ...(await target('Loner', outsideOrganization, false)),
    organizationsTypeId: outsideOrganization.organizationsTypeId,
  };

  for (const [sourceId, targetId] of [
    [inside.profileId, inside.profileId],
    [inside.profileId, outsider.profileId],
    [inside.profileId, loner.profileId],
    [outsider.profileId, inside.profileId],
  ] as const) {
    await caller.relationships.link({ id: knows.id, sourceId, targetId });
  }
  for (const organizationId of [insideOrganization.id, outsideOrganization.id]) {
    await caller.relationships.link({ id: worksAt.id, sourceId: inside.profileId, targetId: organizationId });
  }
  await caller.relationships.link({
    id: worksAt.id,
    sourceId: outsider.profileId,
    targetId: insideOrganization.id,
  });

  await caller.usage.ingest({
    events: [inside, outsider].map((each, index) => ({
      id: `usage-${index}`,
      organizationId: each.organizationId,
      profileId: each.profileId,
      module: 'reports',
      activity: 'export',
      occurredAt: now,
    })),
  });
  await caller.campaigns.record({
    events: [inside, outsider, loner].map((each, index) => ({
      id: `campaign-${index}`,
      profileId: each.profileId,
      campaignId: 'welcome',
      campaignName: 'Welcome',
      stage: 'sent' as const,
      occurredAt: now,
    })),
  });

  await caller.surveys.record({
    responses: [inside, outsider, loner].map((each) => ({
      id: `survey-${each.profileName}`,
      profileId: each.profileId,
      survey: `NPS of ${each.profileName}`,
      question: 'How likely are you to recommend us?',
      answer: `Said by ${each.profileName}`,
      score: 9,
      respondedAt: now,
    })),
  });

  const agent = await caller.members.create({
    email: `agent-${mark}@example.com`,
    name: 'Scoped agent',
    role: 'agent',
    password: null,
  });
  await caller.members.setOrganizationScope({ memberId: agent.id, organizationIds: [insideOrganization.id] });
  const issued = await issueToken(
    app.deps.db,
    app.deps,
    { workspaceId: owner.member.workspaceId, memberId: agent.id },
    'matrix',
  );
  const actor = await authenticate(app.deps, { authorization: `Bearer ${issued.secret}` });
  if (!actor) throw new Error('the scoped agent’s token signs nobody in');

  const unusedContactsType = await contactsType('unadopted-contacts');
  const unusedOrganizationsType = await organizationsType('unadopted-organizations');
  const nothing: Target = {
    profileId: randomUUID(),
    email: `nobody-${mark}@nowhere.example`,
    profileName: `Nobody${mark}`,
    contactPointId: randomUUID(),
    sourceRecordId: ulid(),
    identifierQuery: `matrixshop:customer:external_id:Nobody-${mark}`,
    organizationId: randomUUID(),
    organizationName: `Nowhere ${mark}`,
    contactsTypeId: unusedContactsType.id,
    organizationsTypeId: unusedOrganizationsType.id,
  };
  const outside = [outsider, loner];
  const secrets = outside.flatMap((each) => [
    each.profileId,
    each.email,
    each.profileName,
    each.contactPointId,
    each.sourceRecordId,
    each.identifierQuery.split(':').at(-1) ?? '',
    each.organizationId,
    each.organizationName,
    outsideOrganization.externalId ?? '',
    outsideOrganization.domain ?? '',
  ]);
  return { owner, agent: { id: agent.id, token: issued.secret, actor }, inside, outside, nothing, secrets };
}
