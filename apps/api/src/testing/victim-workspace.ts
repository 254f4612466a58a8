import { randomBytes } from 'node:crypto';
import { insertMember } from '@tessera/db/members';
import type { Role } from '@tessera/domain';
import { issueToken } from '../tokens/tokens.service.ts';
import { signInOverHttp, type Secret } from './raw-http.ts';
import { testPassword, type TestApp } from './test-app.ts';
import { createVictimStructure } from './victim-structure.ts';

export interface AddedMember {
  id: string;
  email: string;
  /** An API token for the member */
  token: string;
}

/** Adds a member, who signs in with an API token only, to a workspace. */
export async function addMember(
  app: TestApp,
  workspaceId: string,
  fields: { role: Role; email: string; name: string },
): Promise<AddedMember> {
  const member = await insertMember(app.deps.db, {
    workspaceId,
    id: app.deps.newId(),
    ...fields,
    passwordHash: null,
  });
  const issued = await issueToken(app.deps.db, app.deps, { workspaceId, memberId: member.id }, 'tests');
  return { id: member.id, email: member.email, token: issued.secret };
}

/** A record of the workspace with the values a request's id, email or slug fields could name it by. */
export interface NamedRecord {
  kind: string;
  id: string;
  email?: string;
  slug?: string;
  identifierQuery?: string;
}

export interface VictimWorkspace {
  /** One record of each kind, to name in other workspaces' requests. */
  records: NamedRecord[];
  /** Everything of the workspace that must not reach another workspace's answer. */
  secrets: Secret[];
  /** Its profiles with their versions, tokens with revocations, sessions and members, to compare later. */
  snapshot(): Promise<unknown>;
}

/**
 * A workspace whose data other workspaces' requests must never see or change: profiles, a source
 * record, tokens, a second member and a signed-in console session, all named with a marker.
 */
export async function createVictimWorkspace(app: TestApp, baseUrl: string): Promise<VictimWorkspace> {
  const marker = `victim${randomBytes(6).toString('hex')}`;
  // Emails carry a mark of their own: a request that names one must not excuse the marker everywhere.
  const emailMark = randomBytes(6).toString('hex');
  const owner = await app.newWorkspace('master');
  const { workspaceId, workspaceSlug: slug } = owner.member;
  const profiles = [];
  for (const [index, lastName] of ['Hopper', 'Lamarr', 'Noether'].entries()) {
    const profile = await owner.caller.profiles.create({
      firstName: `Grace ${marker}`,
      lastName,
      email: `${emailMark}-${index}@victim.test`,
    });
    profiles.push({ id: profile.id, email: profile.email ?? '' });
  }
  const identifierQuery = `victimshop:customer:email:${profiles[0]?.email ?? ''}`;
  const sourceRecord = await owner.caller.sourceRecords.upsert({
    identifierQuery,
    identifiers: [{ type: 'external_id', value: marker }],
    attributes: { note: marker },
  });
  const structure = await createVictimStructure(owner, marker, profiles[0]?.id ?? '');
  await owner.caller.surveys.record({
    responses: [
      {
        id: `survey-${marker}`,
        profileId: profiles[0]?.id ?? '',
        survey: `NPS ${marker}`,
        question: 'How likely are you to recommend us?',
        answer: `Answered by ${marker}`,
        score: 9,
        respondedAt: new Date(),
      },
    ],
  });
  await owner.caller.tokens.create({ name: `integration ${marker}` });
  const second = await addMember(app, workspaceId, {
    role: 'admin',
    email: `admin-${emailMark}@victim.test`,
    name: `Admin ${marker}`,
  });
  await signInOverHttp(baseUrl, { email: owner.member.email, password: testPassword });

  const tokens = await owner.caller.tokens.list();
  const markedToken = tokens.find((token) => token.name.includes(marker));
  const sessions = await app.deps.db
    .selectFrom('sessions')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .execute();
  const members = [{ id: owner.member.id, email: owner.member.email }, second];
  const secrets: Secret[] = [
    { label: 'marker', text: marker },
    { label: 'workspace slug', text: slug },
    { label: 'workspace id', text: workspaceId },
    ...members.flatMap((member) => [
      { label: 'member id', text: member.id },
      { label: 'member email', text: member.email },
    ]),
    ...profiles.flatMap((profile) => [
      { label: 'profile id', text: profile.id },
      { label: 'profile email', text: profile.email },
    ]),
    ...tokens.flatMap((token) => [
      { label: 'token id', text: token.id },
      { label: 'token name', text: token.name },
      { label: 'token last four', text: JSON.stringify(token.lastFour) },
    ]),
    ...sessions.map((session) => ({ label: 'session id', text: session.id })),
    { label: 'source record id', text: sourceRecord.id },
    ...structure.secrets,
  ].filter((secret) => secret.text !== 'tests');

  async function snapshot() {
    const db = app.deps.db;
    return {
      workspace: await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).execute(),
      members: await db
        .selectFrom('members')
        .select(['id', 'email', 'name', 'role', 'password_hash'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      profiles: await db
        .selectFrom('profiles')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      tokens: await db
        .selectFrom('api_tokens')
        .select(['id', 'name', 'member_id', 'last_four', 'last_used_at', 'revoked_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      sessions: await db
        .selectFrom('sessions')
        .select(['id', 'member_id', 'expires_at'])
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      sourceRecords: await db
        .selectFrom('source_records')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      identifiers: await db
        .selectFrom('source_record_identifiers')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('source_record_id')
        .orderBy('position')
        .execute(),
      identities: await db
        .selectFrom('profile_identities')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      surveyResponses: await db
        .selectFrom('survey_responses')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .orderBy('id')
        .execute(),
      structure: await structure.snapshot(app, workspaceId),
    };
  }

  const [profile] = profiles;
  const [session] = sessions;
  if (!profile || !markedToken || !session) throw new Error('the victim workspace is missing records');
  const records: NamedRecord[] = [
    { kind: 'profile', id: profile.id, email: profile.email },
    { kind: 'token', id: markedToken.id },
    { kind: 'member', id: second.id, email: second.email, slug },
    { kind: 'workspace', id: workspaceId, slug },
    { kind: 'session', id: session.id },
    { kind: 'source record', id: sourceRecord.id, identifierQuery },
    ...structure.records,
  ];

  return { records, secrets, snapshot };
}
