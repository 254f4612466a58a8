import {
  countRecordsHoldingValue,
  deleteAttributeDefinitionRow,
  findAttributeDefinition,
  findAttributeDefinitions,
  insertAttributeDefinition,
  removeStoredValues,
  updateAttributeDefinitionRow,
} from '@tessera/db/attribute-definitions';
import { countAdoptersLacking } from '@tessera/db/attribute-values';
import {
  checkRules,
  DomainError,
  mayBreakStoredValues,
  rulesOf,
  type AttributeDefinition,
  type AttributeDefinitionView,
  type AttributeRules,
  type CreateAttributeDefinitionInput,
  type ObjectKindFilterInput,
  type StructureIdInput,
  type UpdateAttributeDefinitionInput,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit, type AuditedChange } from '../audit/audit.ts';

function toView(definition: AttributeDefinition): AttributeDefinitionView {
  const { workspaceId: _workspaceId, ...view } = definition;
  return view;
}

function notFound(id: string): DomainError {
  return new DomainError('ATTRIBUTE_DEFINITION_NOT_FOUND', 'No attribute definition has this id', {
    path: 'id',
    details: { id },
  });
}

/** The audit entry of a change to a definition, as a member's or an operator's change records it. */
export function attributeDefinitionAudit(
  action: string,
  before: AttributeDefinition | null,
  after: AttributeDefinition | null,
): AuditedChange {
  return {
    action,
    entityType: 'attribute_definition',
    entityId: (after ?? before)?.id ?? '',
    before: before && toView(before),
    after: after && toView(after),
  };
}

async function existing(db: Executor, ctx: Pick<MemberContext, 'scope'>, id: string, forUpdate = false) {
  const definition = await findAttributeDefinition(db, ctx.scope, id, { forUpdate });
  if (!definition) throw notFound(id);
  return definition;
}

export async function listAttributeDefinitions(
  ctx: MemberContext,
  input: ObjectKindFilterInput,
): Promise<AttributeDefinitionView[]> {
  return (await findAttributeDefinitions(ctx.db, ctx.scope, input)).map(toView);
}

export async function getAttributeDefinition(
  ctx: MemberContext,
  input: StructureIdInput,
): Promise<AttributeDefinitionView> {
  return toView(await existing(ctx.db, ctx, input.id));
}

/** Checks a new definition's rules and writes it, in the caller's transaction, which audits it. */
export async function addAttributeDefinition(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'newId' | 'clock'>,
  input: CreateAttributeDefinitionInput,
): Promise<AttributeDefinition> {
  const rules: AttributeRules = {
    options: input.options ?? [],
    min: input.min ?? null,
    max: input.max ?? null,
    minLength: input.minLength ?? null,
    maxLength: input.maxLength ?? null,
    pattern: input.pattern ?? null,
  };
  checkRules(input.dataType, rules);
  return insertAttributeDefinition(trx, ctx.scope, {
    ...rules,
    id: ctx.newId(),
    objectKind: input.objectKind,
    slug: input.slug,
    label: input.label,
    description: input.description ?? null,
    dataType: input.dataType,
    isRequired: input.isRequired ?? false,
    now: ctx.clock.now(),
  });
}

export async function createAttributeDefinition(
  ctx: MemberContext,
  input: CreateAttributeDefinitionInput,
): Promise<AttributeDefinitionView> {
  return ctx.db.transaction().execute(async (trx) => {
    const definition = await addAttributeDefinition(trx, ctx, input);
    await recordAudit(trx, ctx, attributeDefinitionAudit('attribute_definition.create', null, definition));
    return toView(definition);
  });
}

/**
 * The definition with the changes given; a rule left out is kept where the data type takes it
 * and dropped where a new data type does not.
 */
function changedDefinition(
  before: AttributeDefinition,
  input: UpdateAttributeDefinitionInput,
): AttributeDefinition {
  const dataType = input.dataType ?? before.dataType;
  const rule = <K extends keyof AttributeRules>(key: K, none: AttributeRules[K]): AttributeRules[K] => {
    const given = input[key];
    if (given !== undefined) return given as AttributeRules[K];
    return rulesOf[dataType].includes(key) ? before[key] : none;
  };
  return {
    ...before,
    dataType,
    label: input.label ?? before.label,
    description: input.description === undefined ? before.description : input.description,
    isRequired: input.isRequired ?? before.isRequired,
    options: rule('options', []),
    min: rule('min', null),
    max: rule('max', null),
    minLength: rule('minLength', null),
    maxLength: rule('maxLength', null),
    pattern: rule('pattern', null),
  };
}

function inUse(message: string, path: string, recordCount: number): DomainError {
  return new DomainError('ATTRIBUTE_DEFINITION_IN_USE', message, { path, details: { recordCount } });
}

/**
 * Changes a definition, in the caller's transaction, which audits it. A change that could break
 * stored values (`mayBreakStoredValues`) is refused while records hold values of the attribute,
 * and making it required while records of its types have no value; each refusal says how many
 * records.
 */
export async function changeAttributeDefinition(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'clock'>,
  input: UpdateAttributeDefinitionInput,
): Promise<{ before: AttributeDefinition; after: AttributeDefinition }> {
  // Locked: writers of values hold the definitions they check against until they commit.
  const before = await existing(trx, ctx, input.id, true);
  const after = changedDefinition(before, input);
  checkRules(after.dataType, after);
  if (mayBreakStoredValues(before, after)) {
    const holders = await countRecordsHoldingValue(trx, ctx.scope, before.objectKind, before.slug);
    if (holders > 0) {
      throw inUse(
        `${holders} record(s) hold values of ${before.label}: its type or rules cannot change in a way ` +
          'that could make them invalid',
        input.dataType !== undefined && input.dataType !== before.dataType ? 'dataType' : 'id',
        holders,
      );
    }
  }
  if (after.isRequired && !before.isRequired) {
    const lacking = await countAdoptersLacking(trx, ctx.scope, {
      objectKind: before.objectKind,
      slug: before.slug,
    });
    if (lacking > 0) {
      throw inUse(
        `${lacking} record(s) of profile types that bundle ${before.label} have no value of it: ` +
          'give them one before making it required',
        'isRequired',
        lacking,
      );
    }
  }
  const updated = await updateAttributeDefinitionRow(trx, ctx.scope, before.id, {
    ...after,
    now: ctx.clock.now(),
  });
  return { before, after: updated };
}

export async function updateAttributeDefinition(
  ctx: MemberContext,
  input: UpdateAttributeDefinitionInput,
): Promise<AttributeDefinitionView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await changeAttributeDefinition(trx, ctx, input);
    await recordAudit(trx, ctx, attributeDefinitionAudit('attribute_definition.update', before, after));
    return toView(after);
  });
}

/** Deletes a definition that no profile type bundles, and every value records hold of it. */
export async function deleteAttributeDefinition(
  ctx: MemberContext,
  input: StructureIdInput,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await existing(trx, ctx, input.id, true);
    const now = ctx.clock.now();
    await deleteAttributeDefinitionRow(trx, ctx.scope, before.id);
    await removeStoredValues(trx, ctx.scope, before.objectKind, before.slug, now);
    await recordAudit(trx, ctx, attributeDefinitionAudit('attribute_definition.delete', before, null));
    return { id: before.id };
  });
}
