import { sql } from 'kysely';
import type { AuditEntry } from '@tessera/domain';
import type { Executor } from '../client.ts';
import { organizationIdsParameter, type Scope } from '../shared/scope.ts';

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}

export async function insertAuditEntry(db: Executor, scope: Scope, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_entries')
    .values({
      workspace_id: scope.workspaceId,
      id: entry.id,
      actor_member_id: entry.actorMemberId,
      actor_token_id: entry.actorTokenId,
      actor_session_id: entry.actorSessionId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
      request_id: entry.requestId,
      ip: entry.ip,
      created_at: entry.createdAt,
    })
    .execute();
}

/** An entry's columns, as every read of the trail selects them. */
const entryColumns = [
  'a.id',
  'a.actor_member_id',
  'a.actor_token_id',
  'a.actor_session_id',
  'a.action',
  'a.entity_type',
  'a.entity_id',
  'a.before',
  'a.after',
  'a.request_id',
  'a.ip',
  'a.created_at',
] as const;

function toAuditEntry(row: {
  id: string;
  actor_member_id: string | null;
  actor_token_id: string | null;
  actor_session_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
  ip: string | null;
  created_at: Date;
}): AuditEntry {
  return {
    id: row.id,
    actorMemberId: row.actor_member_id,
    actorTokenId: row.actor_token_id,
    actorSessionId: row.actor_session_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    ip: row.ip,
    createdAt: row.created_at,
  };
}

/** The audit trail of one record, oldest first. */
export async function listAuditEntries(
  db: Executor,
  scope: Scope,
  entityType: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_entries as a')
    .select(entryColumns)
    .where('a.workspace_id', '=', scope.workspaceId)
    .where('a.entity_type', '=', entityType)
    .where('a.entity_id', '=', entityId)
    .orderBy('a.created_at')
    .orderBy('a.position')
    .execute();
  return rows.map(toAuditEntry);
}

/** An entry of a record's history with the names of who made it and through which token, while they exist. */
export interface AuditHistoryRow extends AuditEntry {
  /** The order entries were written in, as text (a bigint). */
  position: string;
  actorName: string | null;
  actorEmail: string | null;
  tokenName: string | null;
  tokenLastFour: string | null;
}

/**
 * A page of one record's history, newest first (in the order entries were written), after the
 * entry at `beforePosition`. A member limited to some organizations sees no entry about an
 * organization outside them (a membership's, say).
 */
export async function findAuditPage(
  db: Executor,
  scope: Scope,
  query: { entityType: string; entityId: string; beforePosition?: string | undefined; limit: number },
): Promise<AuditHistoryRow[]> {
  const { organizationIds } = scope;
  const rows = await db
    .selectFrom('audit_entries as a')
    .leftJoin('members as m', (join) =>
      join.onRef('m.workspace_id', '=', 'a.workspace_id').onRef('m.id', '=', 'a.actor_member_id'),
    )
    .leftJoin('api_tokens as t', (join) =>
      join.onRef('t.workspace_id', '=', 'a.workspace_id').onRef('t.id', '=', 'a.actor_token_id'),
    )
    .select([
      ...entryColumns,
      sql<string>`a.position::text`.as('position'),
      'm.name as actor_name',
      'm.email as actor_email',
      't.name as token_name',
      't.last_four as token_last_four',
    ])
    .where('a.workspace_id', '=', scope.workspaceId)
    .where('a.entity_type', '=', query.entityType)
    .where('a.entity_id', '=', query.entityId)
    .$if(query.beforePosition !== undefined, (q) =>
      q.where(sql<boolean>`a.position < ${query.beforePosition}::bigint`),
    )
    .$if(organizationIds !== null, (q) =>
      q.where(
        sql<boolean>`coalesce(a.after ->> 'organizationId', a.before ->> 'organizationId') is null
          or coalesce(a.after ->> 'organizationId', a.before ->> 'organizationId')
            = any(${organizationIdsParameter(organizationIds ?? [])}::text[])`,
      ),
    )
    .orderBy('a.position', 'desc')
    .limit(query.limit)
    .execute();
  return rows.map((row) => ({
    ...toAuditEntry(row),
    position: row.position,
    actorName: row.actor_name,
    actorEmail: row.actor_email,
    tokenName: row.token_name,
    tokenLastFour: row.token_last_four,
  }));
}

/** What an erased entry holds in place of the state it recorded. */
const erasedSnapshot = JSON.stringify({ erased: true });

/**
 * Takes a profile's personal data out of the audit trail, for a data-subject erasure: the states
 * recorded by the entries about the profile, and about its contact points and source records, are
 * replaced by `{"erased": true}`; who did what, and when, stays. Answers how many entries it erased.
 */
export async function eraseAuditSnapshotsOf(db: Executor, scope: Scope, profileId: string): Promise<number> {
  const result = await db
    .updateTable('audit_entries')
    .set({
      before: sql<string>`case when before is null then null else ${erasedSnapshot}::jsonb end`,
      after: sql<string>`case when after is null then null else ${erasedSnapshot}::jsonb end`,
    })
    .where('workspace_id', '=', scope.workspaceId)
    .where((eb) =>
      eb.or([
        eb.and([eb('entity_type', '=', 'profile'), eb('entity_id', '=', profileId)]),
        eb.and([
          eb('entity_type', 'in', ['contact_point', 'source_record']),
          eb.or([
            eb(sql<string>`before ->> 'profileId'`, '=', profileId),
            eb(sql<string>`after ->> 'profileId'`, '=', profileId),
          ]),
        ]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
