import { eraseUsageEventsOf } from '@tessera/db/activity';
import { eraseAuditSnapshotsOf } from '@tessera/db/audit';
import type { ProfileIdInput } from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { purgeProfile } from './profiles.service.ts';

/**
 * A data-subject erasure: the profile is purged (its memberships, campaign events and survey
 * responses go with it), and its id and email are taken out of the usage events that recorded
 * them, which a purge keeps (reference 004), and out of the audit trail, whose entries about the
 * profile, its contact points and its source records keep who did what and when but no longer the
 * states they recorded. The audit entry says that it happened, with counts, never what was erased.
 */
export async function eraseProfile(ctx: MemberContext, input: ProfileIdInput): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    await purgeProfile(ctx, input, trx);
    const usageEvents = await eraseUsageEventsOf(trx, ctx.scope, input.id);
    const auditEntries = await eraseAuditSnapshotsOf(trx, ctx.scope, input.id);
    await recordAudit(trx, ctx, {
      action: 'profile.erase',
      entityType: 'profile',
      entityId: input.id,
      before: null,
      after: { usageEventsErased: usageEvents, auditEntriesErased: auditEntries },
    });
    return { id: input.id };
  });
}
