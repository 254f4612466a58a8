import { lockAttributeDefinitionsBySlug } from '@tessera/db/attribute-definitions';
import {
  findRecordAttributes,
  lockRecordValues,
  writeRecordValues,
  type RecordAttributes,
} from '@tessera/db/attribute-values';
import {
  changedValues,
  shownCustomAttributes,
  type AdoptedProfileType,
  type AttributeDefinition,
  type ObjectKind,
  type RecordAttributesView,
  type RecordInput,
  type SetAttributeValuesInput,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit } from '../audit/audit.ts';
import { auditedRecordType, requireRecord } from '../records/record-access.ts';

export function toRecordView(
  objectKind: ObjectKind,
  recordId: string,
  read: RecordAttributes,
): RecordAttributesView {
  return { objectKind, recordId, ...shownCustomAttributes(read.profileTypes, read.values) };
}

export async function recordView(
  db: Executor,
  ctx: MemberContext,
  objectKind: ObjectKind,
  recordId: string,
): Promise<RecordAttributesView> {
  return toRecordView(objectKind, recordId, await findRecordAttributes(db, ctx.scope, objectKind, recordId));
}

/** The definitions of every attribute the types bundle, held against changes until the transaction ends. */
export function combinedDefinitions(
  trx: Executor,
  ctx: MemberContext,
  objectKind: ObjectKind,
  types: readonly Pick<AdoptedProfileType, 'attributeSlugs'>[],
): Promise<AttributeDefinition[]> {
  const slugs = [...new Set(types.flatMap((type) => type.attributeSlugs))];
  return lockAttributeDefinitionsBySlug(trx, ctx.scope, objectKind, slugs);
}

/** A record's profile types and the values of their attributes. */
export async function getRecordAttributes(
  ctx: MemberContext,
  input: RecordInput,
): Promise<RecordAttributesView> {
  await requireRecord(ctx.db, ctx, { ...input, access: 'read' });
  return recordView(ctx.db, ctx, input.objectKind, input.recordId);
}

/**
 * Sets values of a record's custom attributes by slug (null removes one): only attributes of its
 * profile types, each checked, every required one keeping a value.
 */
export async function setRecordAttributes(
  ctx: MemberContext,
  input: SetAttributeValuesInput,
): Promise<RecordAttributesView> {
  const { objectKind, recordId } = input;
  return ctx.db.transaction().execute(async (trx) => {
    await requireRecord(trx, ctx, { objectKind, recordId, access: 'write' });
    const now = ctx.clock.now();
    const stored = await lockRecordValues(trx, ctx.scope, objectKind, recordId, now);
    const { profileTypes } = await findRecordAttributes(trx, ctx.scope, objectKind, recordId);
    const definitions = await combinedDefinitions(trx, ctx, objectKind, profileTypes);
    const values = changedValues(definitions, stored, input.attributes);
    await writeRecordValues(trx, ctx.scope, objectKind, recordId, values, now);
    await recordAudit(trx, ctx, {
      action: 'attribute_values.set',
      entityType: auditedRecordType(objectKind),
      entityId: recordId,
      before: { attributes: stored },
      after: { attributes: values },
    });
    return toRecordView(objectKind, recordId, { profileTypes, values });
  });
}
