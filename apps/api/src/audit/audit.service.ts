import { isOrganizationInScope } from '@tessera/db/activity';
import { findAuditPage, type AuditHistoryRow } from '@tessera/db/audit';
import { findProfile } from '@tessera/db/profiles';
import { findSourceRecord } from '@tessera/db/source-records';
import {
  can,
  changedFields,
  decodeAuditCursor,
  DomainError,
  encodeAuditCursor,
  idSchema,
  isErasedState,
  sortableIdSchema,
  type AuditHistoryEntry,
  type AuditRecordKind,
  type AuditVia,
  type JsonValue,
  type ListAuditInput,
  type Page,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';

const notFound = {
  profile: () => new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path: 'recordId' }),
  source_record: () =>
    new DomainError('SOURCE_RECORD_NOT_FOUND', 'No source record has this id', { path: 'recordId' }),
  organization: () =>
    new DomainError('ORGANIZATION_NOT_FOUND', 'No organization has this id', { path: 'recordId' }),
};

/**
 * The record whose trail a member below admin asks for, refused unless the member may read it in
 * its organization scope, as the record's own read is. Answers the id as the trail names it.
 */
async function readableRecordId(ctx: MemberContext, kind: AuditRecordKind, id: string): Promise<string> {
  switch (kind) {
    case 'profile': {
      const parsed = idSchema.safeParse(id);
      if (!parsed.success || !(await findProfile(ctx.db, ctx.scope, parsed.data))) throw notFound.profile();
      return parsed.data;
    }
    case 'source_record': {
      const parsed = sortableIdSchema.safeParse(id);
      if (!parsed.success || !(await findSourceRecord(ctx.db, ctx.scope, parsed.data)))
        throw notFound.source_record();
      return parsed.data;
    }
    case 'organization': {
      const parsed = idSchema.safeParse(id);
      if (!parsed.success || !(await isOrganizationInScope(ctx.db, ctx.scope, parsed.data)))
        throw notFound.organization();
      return parsed.data;
    }
    default:
      throw new DomainError('FORBIDDEN', `Your role (${ctx.actor.member.role}) may not read this trail`, {
        path: 'recordKind',
      });
  }
}

function viaOf(row: AuditHistoryRow): AuditVia {
  if (row.actorTokenId) {
    return {
      kind: 'token',
      tokenId: row.actorTokenId,
      tokenName: row.tokenName,
      lastFour: row.tokenLastFour,
    };
  }
  if (row.actorMemberId) return { kind: 'session', sessionId: row.actorSessionId };
  return { kind: 'command_line' };
}

function toHistoryEntry(row: AuditHistoryRow): AuditHistoryEntry {
  const isErased = isErasedState(row.before) || isErasedState(row.after);
  return {
    id: row.id,
    action: row.action,
    at: row.createdAt,
    actor: row.actorMemberId
      ? { memberId: row.actorMemberId, name: row.actorName, email: row.actorEmail }
      : null,
    via: viaOf(row),
    ip: row.ip,
    isErased,
    changes: isErased ? [] : changedFields(row.before as JsonValue | null, row.after as JsonValue | null),
  };
}

/**
 * A record's history, newest first: who changed it, when, through which token or session, and
 * each field with its value before and after. Admins and above read any record's; other members
 * the trail of a profile, source record or organization they may read.
 */
export async function listAudit(ctx: MemberContext, input: ListAuditInput): Promise<Page<AuditHistoryEntry>> {
  const entityId = can(ctx.actor.member.role, 'audit.read')
    ? input.recordId
    : await readableRecordId(ctx, input.recordKind, input.recordId);
  const rows = await findAuditPage(ctx.db, ctx.scope, {
    entityType: input.recordKind,
    entityId,
    beforePosition: input.cursor ? decodeAuditCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items: items.map(toHistoryEntry),
    nextCursor: rows.length > input.limit && last ? encodeAuditCursor(last) : null,
  };
}
