import {
  findWorkspaceSettings,
  lockWorkspaceSettings,
  saveWorkspaceSettings,
} from '@tessera/db/workspace-settings';
import type { UpdateWorkspaceSettingsInput, WorkspaceSettings } from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';

export function getWorkspaceSettings(ctx: MemberContext): Promise<WorkspaceSettings> {
  return findWorkspaceSettings(ctx.db, ctx.scope);
}

/** Changes the settings named in the input; the others stay as they are. */
export async function updateWorkspaceSettings(
  ctx: MemberContext,
  input: UpdateWorkspaceSettingsInput,
): Promise<WorkspaceSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    await lockWorkspaceSettings(trx, ctx.scope);
    const before = await findWorkspaceSettings(trx, ctx.scope);
    const tierIds = new Map(before.tiers.map((tier) => [tier.handle, tier.id]));
    await saveWorkspaceSettings(
      trx,
      ctx.scope,
      {
        defaultPhoneRegion:
          input.defaultPhoneRegion === undefined ? before.defaultPhoneRegion : input.defaultPhoneRegion,
        timeZone: input.timeZone ?? before.timeZone,
        currencies: input.currencies ?? before.currencies,
        sourceRecordsPerProfileMax: input.sourceRecordsPerProfileMax ?? before.sourceRecordsPerProfileMax,
        locations: (input.locations ?? before.locations).map((location) => ({
          ...location,
          id: location.id ?? ctx.newId(),
          externalId: location.externalId,
        })),
        statuses: input.statuses ?? before.statuses,
        tiers: (input.tiers ?? before.tiers).map((tier) => ({
          handle: tier.handle,
          name: tier.name,
          rank: tier.rank ?? 0,
          id: tierIds.get(tier.handle) ?? ctx.newId(),
        })),
      },
      ctx.clock.now(),
    );
    const after = await findWorkspaceSettings(trx, ctx.scope);
    await recordAudit(trx, ctx, {
      action: 'workspace_settings.update',
      entityType: 'workspace_settings',
      entityId: ctx.scope.workspaceId,
      before,
      after,
    });
    return after;
  });
}
