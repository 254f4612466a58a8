import {
  countProfilesHolding,
  findWorkspaceSettings,
  lockWorkspaceSettings,
  saveWorkspaceSettings,
} from '@tessera/db/workspace-settings';
import {
  DomainError,
  removedSettings,
  withLocationIds,
  type RemovedSetting,
  type UpdateWorkspaceSettingsInput,
  type WorkspaceSettings,
} from '@tessera/domain';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';

export function getWorkspaceSettings(ctx: MemberContext): Promise<WorkspaceSettings> {
  return findWorkspaceSettings(ctx.db, ctx.scope);
}

const kindOf = {
  currencies: 'currency',
  locations: 'location',
  statuses: 'status',
  tiers: 'tier',
} as const satisfies Record<RemovedSetting['list'], string>;

function inUse(setting: RemovedSetting, profileCount: number): DomainError {
  const holders = profileCount === 1 ? '1 profile holds' : `${profileCount} profiles hold`;
  return new DomainError(
    'SETTING_IN_USE',
    `${holders} the ${kindOf[setting.list]} ${setting.label}: it stays until none does`,
    { path: setting.path, details: { profileCount } },
  );
}

/**
 * Changes the settings named in the input; the others stay as they are. Taking out a value that
 * profiles hold, deleted ones included, is refused: the settings never change a profile.
 */
export async function updateWorkspaceSettings(
  ctx: MemberContext,
  input: UpdateWorkspaceSettingsInput,
): Promise<WorkspaceSettings> {
  return ctx.db.transaction().execute(async (trx) => {
    // Profile writes hold the settings while they take a value from them (holdWorkspaceSettings):
    // from here on, no profile takes a value this save removes.
    await lockWorkspaceSettings(trx, ctx.scope);
    const before = await findWorkspaceSettings(trx, ctx.scope);
    const tierIds = new Map(before.tiers.map((tier) => [tier.handle, tier.id]));
    const lists = {
      currencies: input.currencies ?? before.currencies,
      locations: input.locations
        ? withLocationIds(input.locations, before.locations, ctx.newId)
        : before.locations,
      statuses: input.statuses ?? before.statuses,
      tiers: (input.tiers ?? before.tiers).map((tier) => ({
        handle: tier.handle,
        name: tier.name,
        rank: tier.rank ?? 0,
        id: tierIds.get(tier.handle) ?? ctx.newId(),
      })),
    };
    const removed = removedSettings(before, lists);
    const counts = await countProfilesHolding(trx, ctx.scope, removed);
    const held = removed.findIndex((_, index) => (counts[index] ?? 0) > 0);
    const first = removed[held];
    if (first) throw inUse(first, counts[held] ?? 0);
    await saveWorkspaceSettings(
      trx,
      ctx.scope,
      {
        ...lists,
        defaultPhoneRegion:
          input.defaultPhoneRegion === undefined ? before.defaultPhoneRegion : input.defaultPhoneRegion,
        timeZone: input.timeZone ?? before.timeZone,
        sourceRecordsPerProfileMax: input.sourceRecordsPerProfileMax ?? before.sourceRecordsPerProfileMax,
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
