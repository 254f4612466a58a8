import {
  deleteAdoption,
  findAdopters,
  findRecordAttributes,
  insertAdoption,
  lockRecordValues,
  writeRecordValues,
} from '@tessera/db/attribute-values';
import { enterStageIfOutside, findWorkflow } from '@tessera/db/workflows';
import {
  decodeCursor,
  encodeCursor,
  valuesOnAdoption,
  type AdoptedProfileType,
  type AdoptersView,
  type AdoptionInput,
  type AttachProfileTypeInput,
  type JsonObject,
  type ListAdoptersInput,
  type ObjectKind,
  type ProfileType,
  type RecordAttributesView,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditWorkflowMove } from '../workflows/workflows.service.ts';
import { combinedDefinitions, recordView } from '../attribute-values/attribute-values.service.ts';
import { existingProfileType } from './profile-types.service.ts';
import { auditedRecordType, requireRecord, requireRecordAccess } from '../records/record-access.ts';

interface LockedRecord {
  type: ProfileType;
  /** Every value the record holds, locked. */
  stored: JsonObject;
  current: AdoptedProfileType[];
}

/** The type (held against changes) and the record (its values locked), for a change of the record's types. */
async function lockForAdoption(
  trx: Executor,
  ctx: MemberContext,
  input: AdoptionInput,
): Promise<LockedRecord> {
  const type = await existingProfileType(trx, ctx, input.id, 'forKeyShare');
  const { objectKind } = type;
  await requireRecord(trx, ctx, { objectKind, recordId: input.recordId, access: 'write' });
  const stored = await lockRecordValues(trx, ctx.scope, objectKind, input.recordId, ctx.clock.now());
  const { profileTypes } = await findRecordAttributes(trx, ctx.scope, objectKind, input.recordId);
  return { type, stored, current: profileTypes };
}

interface AdoptionState {
  types: readonly { id: string }[];
  values: JsonObject;
}

/** Records a change of a record's profile types, with its types and values before and after. */
async function auditAdoption(
  trx: Executor,
  ctx: MemberContext,
  change: {
    action: string;
    objectKind: ObjectKind;
    recordId: string;
    before: AdoptionState;
    after: AdoptionState;
  },
): Promise<void> {
  const audited = (state: AdoptionState) => ({
    profileTypeIds: state.types.map((type) => type.id),
    attributes: state.values,
  });
  await recordAudit(trx, ctx, {
    action: change.action,
    entityType: auditedRecordType(change.objectKind),
    entityId: change.recordId,
    before: audited(change.before),
    after: audited(change.after),
  });
}

/** Enters the record in the type's default workflow, at its first stage, unless it is in that workflow. */
async function enterDefaultWorkflow(
  trx: Executor,
  ctx: MemberContext,
  type: ProfileType,
  recordId: string,
): Promise<void> {
  if (type.defaultWorkflowId === null) return;
  const workflow = await findWorkflow(trx, ctx.scope, type.defaultWorkflowId);
  const [first] = workflow?.stages ?? [];
  if (!workflow || !first) return;
  const placement = {
    objectKind: type.objectKind,
    recordId,
    workflowId: workflow.id,
    stageId: first.id,
    now: ctx.clock.now(),
  };
  if (await enterStageIfOutside(trx, ctx.scope, placement)) {
    await auditWorkflowMove(trx, ctx, placement, null);
  }
}

/** Changes a record's profile types in a transaction, the type held and the record locked; answers what the record shows then. */
function changeAdoption(
  ctx: MemberContext,
  input: AdoptionInput,
  change: (trx: Executor, locked: LockedRecord) => Promise<void>,
): Promise<RecordAttributesView> {
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockForAdoption(trx, ctx, input);
    await change(trx, locked);
    return recordView(trx, ctx, locked.type.objectKind, input.recordId);
  });
}

/**
 * A record adopts a profile type: it takes the values given with it, then the type's default
 * values where it has none; each value of its types' combined attributes is checked, and every
 * required one must have a value; it enters the type's default workflow at its first stage.
 * Adopting a type it holds changes nothing.
 */
export function attachProfileType(
  ctx: MemberContext,
  input: AttachProfileTypeInput,
): Promise<RecordAttributesView> {
  return changeAdoption(ctx, input, async (trx, { type, stored, current }) => {
    if (current.some((held) => held.id === type.id)) return;
    const { objectKind } = type;
    const definitions = await combinedDefinitions(trx, ctx, objectKind, [...current, type]);
    const values = valuesOnAdoption(type, definitions, stored, input.attributes);
    const now = ctx.clock.now();
    await insertAdoption(trx, ctx.scope, {
      objectKind,
      recordId: input.recordId,
      profileTypeId: type.id,
      now,
    });
    await writeRecordValues(trx, ctx.scope, objectKind, input.recordId, values, now);
    await enterDefaultWorkflow(trx, ctx, type, input.recordId);
    await auditAdoption(trx, ctx, {
      action: 'profile_type.attach',
      objectKind,
      recordId: input.recordId,
      before: { types: current, values: stored },
      after: { types: [...current, type], values },
    });
  });
}

/**
 * A record gives up a profile type: the values of its attributes stay stored but are no longer
 * shown or checked, until the record adopts a type that bundles them again.
 */
export function detachProfileType(ctx: MemberContext, input: AdoptionInput): Promise<RecordAttributesView> {
  return changeAdoption(ctx, input, async (trx, { type, stored, current }) => {
    const { objectKind } = type;
    const adoption = { objectKind, recordId: input.recordId, profileTypeId: type.id };
    if (!(await deleteAdoption(trx, ctx.scope, adoption))) return;
    await auditAdoption(trx, ctx, {
      action: 'profile_type.detach',
      objectKind,
      recordId: input.recordId,
      before: { types: current, values: stored },
      after: { types: current.filter((held) => held.id !== type.id), values: stored },
    });
  });
}

const adoptersSort = 'adoptedAt:asc';

/** The records that adopted a type, in the order they adopted it. */
export async function listAdopters(ctx: MemberContext, input: ListAdoptersInput): Promise<AdoptersView> {
  const type = await existingProfileType(ctx.db, ctx, input.id);
  requireRecordAccess(ctx, type.objectKind, 'read');
  const position = input.cursor ? decodeCursor(input.cursor, adoptersSort) : undefined;
  const rows = await findAdopters(ctx.db, ctx.scope, type.id, {
    limit: input.limit + 1,
    after: position && { adoptedAt: new Date(String(position.value)), recordId: position.id },
  });
  const items = rows.slice(0, input.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      rows.length > input.limit && last
        ? encodeCursor({ sort: adoptersSort, value: last.adoptedAt.toISOString(), id: last.recordId })
        : null,
  };
}
