import { lockAttributeDefinitionsBySlug } from '@tessera/db/attribute-definitions';
import {
  deleteProfileTypeRow,
  findProfileType,
  findProfileTypes,
  insertProfileType,
  updateProfileTypeRow,
  type ProfileTypeFields,
} from '@tessera/db/profile-types';
import { countAdoptersLacking, fillAdoptersLacking } from '@tessera/db/attribute-values';
import { findWorkflow } from '@tessera/db/workflows';
import {
  checkedDefaultValues,
  DomainError,
  type AttributeDefinition,
  type CreateProfileTypeInput,
  type JsonObject,
  type ObjectKind,
  type ObjectKindFilterInput,
  type ProfileType,
  type ProfileTypeView,
  type SetDefaultWorkflowInput,
  type StructureIdInput,
  type UpdateProfileTypeInput,
  type WorkflowView,
} from '@tessera/domain';
import type { Executor } from '@tessera/db';
import type { MemberContext } from '../context.ts';
import { recordAudit, type AuditedChange } from '../audit/audit.ts';
import { toWorkflowView } from '../workflows/workflows.service.ts';

export function toProfileTypeView(type: ProfileType): ProfileTypeView {
  const { workspaceId: _workspaceId, attributeSlugs, ...fields } = type;
  return { ...fields, attributes: attributeSlugs };
}

export function profileTypeNotFound(id: string, path = 'id'): DomainError {
  return new DomainError('PROFILE_TYPE_NOT_FOUND', 'No profile type has this id', {
    path,
    details: { id },
  });
}

export async function existingProfileType(
  db: Executor,
  ctx: Pick<MemberContext, 'scope'>,
  id: string,
  lock?: 'forUpdate' | 'forKeyShare',
): Promise<ProfileType> {
  const type = await findProfileType(db, ctx.scope, id, { lock });
  if (!type) throw profileTypeNotFound(id);
  return type;
}

/** The definitions of the slugs a type bundles, in order; refused naming the first that is not defined. */
async function bundledDefinitions(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope'>,
  objectKind: ObjectKind,
  slugs: readonly string[],
): Promise<AttributeDefinition[]> {
  const definitions = await lockAttributeDefinitionsBySlug(trx, ctx.scope, objectKind, slugs);
  return slugs.map((slug, index) => {
    const definition = definitions.find((each) => each.slug === slug);
    if (!definition) {
      throw new DomainError(
        'ATTRIBUTE_DEFINITION_NOT_FOUND',
        `No ${objectKind} attribute has the slug ${slug}`,
        { path: `attributes.${index}` },
      );
    }
    return definition;
  });
}

/** Refused unless the workflow exists and is for records of the kind. */
async function checkWorkflow(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope'>,
  workflowId: string,
  objectKind: ObjectKind,
  path: string,
): Promise<void> {
  const workflow = await findWorkflow(trx, ctx.scope, workflowId);
  if (workflow?.objectKind !== objectKind) {
    throw new DomainError('WORKFLOW_NOT_FOUND', `No ${objectKind} workflow has this id`, { path });
  }
}

/** The audit entry of a change to a type, as a member's or an operator's change records it. */
export function profileTypeAudit(
  action: string,
  before: ProfileType | null,
  after: ProfileType | null,
): AuditedChange {
  return {
    action,
    entityType: 'profile_type',
    entityId: (after ?? before)?.id ?? '',
    before: before && toProfileTypeView(before),
    after: after && toProfileTypeView(after),
  };
}

export async function listProfileTypes(
  ctx: MemberContext,
  input: ObjectKindFilterInput,
): Promise<ProfileTypeView[]> {
  return (await findProfileTypes(ctx.db, ctx.scope, input)).map(toProfileTypeView);
}

export async function getProfileType(ctx: MemberContext, input: StructureIdInput): Promise<ProfileTypeView> {
  return toProfileTypeView(await existingProfileType(ctx.db, ctx, input.id));
}

/** Checks a new type's attributes, default workflow and default values and writes it, in the caller's transaction, which audits it. */
export async function addProfileType(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'newId' | 'clock'>,
  input: CreateProfileTypeInput,
): Promise<ProfileType> {
  const attributeSlugs = input.attributes ?? [];
  const definitions = await bundledDefinitions(trx, ctx, input.objectKind, attributeSlugs);
  const defaultWorkflowId = input.defaultWorkflowId ?? null;
  if (defaultWorkflowId !== null) {
    await checkWorkflow(trx, ctx, defaultWorkflowId, input.objectKind, 'defaultWorkflowId');
  }
  return insertProfileType(trx, ctx.scope, {
    id: ctx.newId(),
    objectKind: input.objectKind,
    slug: input.slug,
    title: input.title,
    description: input.description ?? null,
    badgeColor: input.badgeColor ?? null,
    category: input.category ?? input.objectKind,
    attributeSlugs,
    defaultWorkflowId,
    defaultValues: checkedDefaultValues(definitions, input.defaultValues ?? {}),
    now: ctx.clock.now(),
  });
}

export async function createProfileType(
  ctx: MemberContext,
  input: CreateProfileTypeInput,
): Promise<ProfileTypeView> {
  return ctx.db.transaction().execute(async (trx) => {
    const type = await addProfileType(trx, ctx, input);
    await recordAudit(trx, ctx, profileTypeAudit('profile_type.create', null, type));
    return toProfileTypeView(type);
  });
}

/**
 * A required attribute the type newly bundles: records that adopted the type take its default
 * value where they hold none; without a default, the change is refused while any of them holds none.
 */
async function fillNewlyRequired(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'clock'>,
  before: ProfileType,
  definitions: readonly AttributeDefinition[],
  defaults: JsonObject,
): Promise<void> {
  for (const definition of definitions) {
    if (!definition.isRequired || before.attributeSlugs.includes(definition.slug)) continue;
    const value = defaults[definition.slug];
    const attribute = { objectKind: before.objectKind, slug: definition.slug, profileTypeId: before.id };
    if (value !== undefined) {
      await fillAdoptersLacking(trx, ctx.scope, { ...attribute, value, now: ctx.clock.now() });
      continue;
    }
    const lacking = await countAdoptersLacking(trx, ctx.scope, attribute);
    if (lacking > 0) {
      throw new DomainError(
        'ATTRIBUTE_REQUIRED',
        `${lacking} record(s) of this profile type have no value of ${definition.label}, which is required: ` +
          'give it a default value',
        { path: 'attributes', details: { recordCount: lacking, missing: definition.slug } },
      );
    }
  }
}

/** Changes a type, in the caller's transaction, which audits it. */
export async function changeProfileType(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'clock'>,
  input: UpdateProfileTypeInput,
): Promise<{ before: ProfileType; after: ProfileType }> {
  const before = await existingProfileType(trx, ctx, input.id, 'forUpdate');
  const attributeSlugs = input.attributes ?? before.attributeSlugs;
  const definitions = await bundledDefinitions(trx, ctx, before.objectKind, attributeSlugs);
  // Defaults of attributes the type no longer bundles go with them.
  const keptDefaults = Object.fromEntries(
    Object.entries(before.defaultValues).filter(([slug]) => attributeSlugs.includes(slug)),
  );
  const defaultValues = checkedDefaultValues(definitions, input.defaultValues ?? keptDefaults);
  await fillNewlyRequired(trx, ctx, before, definitions, defaultValues);
  const fields: ProfileTypeFields = {
    slug: input.slug ?? before.slug,
    title: input.title ?? before.title,
    description: input.description === undefined ? before.description : input.description,
    badgeColor: input.badgeColor === undefined ? before.badgeColor : input.badgeColor,
    category: input.category ?? before.category,
    attributeSlugs,
    defaultWorkflowId: before.defaultWorkflowId,
    defaultValues,
  };
  const after = await updateProfileTypeRow(trx, ctx.scope, before, { ...fields, now: ctx.clock.now() });
  return { before, after };
}

export async function updateProfileType(
  ctx: MemberContext,
  input: UpdateProfileTypeInput,
): Promise<ProfileTypeView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await changeProfileType(trx, ctx, input);
    await recordAudit(trx, ctx, profileTypeAudit('profile_type.update', before, after));
    return toProfileTypeView(after);
  });
}

/** Deletes a type: records that adopted it no longer show it; their values stay. */
export async function deleteProfileType(
  ctx: MemberContext,
  input: StructureIdInput,
): Promise<{ id: string }> {
  return ctx.db.transaction().execute(async (trx) => {
    const before = await existingProfileType(trx, ctx, input.id, 'forUpdate');
    await deleteProfileTypeRow(trx, ctx.scope, before.id);
    await recordAudit(trx, ctx, profileTypeAudit('profile_type.delete', before, null));
    return { id: before.id };
  });
}

export async function getDefaultWorkflow(
  ctx: MemberContext,
  input: StructureIdInput,
): Promise<WorkflowView | null> {
  const type = await existingProfileType(ctx.db, ctx, input.id);
  if (type.defaultWorkflowId === null) return null;
  const workflow = await findWorkflow(ctx.db, ctx.scope, type.defaultWorkflowId);
  return workflow ? toWorkflowView(workflow) : null;
}

/**
 * Sets the workflow that records adopting the type enter at its first stage, null for none, in
 * the caller's transaction, which audits it.
 */
export async function changeDefaultWorkflow(
  trx: Executor,
  ctx: Pick<MemberContext, 'scope' | 'clock'>,
  input: SetDefaultWorkflowInput,
): Promise<{ before: ProfileType; after: ProfileType }> {
  const before = await existingProfileType(trx, ctx, input.id, 'forUpdate');
  if (input.workflowId !== null) {
    await checkWorkflow(trx, ctx, input.workflowId, before.objectKind, 'workflowId');
  }
  const after = await updateProfileTypeRow(trx, ctx.scope, before, {
    ...before,
    defaultWorkflowId: input.workflowId,
    now: ctx.clock.now(),
  });
  return { before, after };
}

export async function setDefaultWorkflow(
  ctx: MemberContext,
  input: SetDefaultWorkflowInput,
): Promise<ProfileTypeView> {
  return ctx.db.transaction().execute(async (trx) => {
    const { before, after } = await changeDefaultWorkflow(trx, ctx, input);
    await recordAudit(trx, ctx, profileTypeAudit('profile_type.set_default_workflow', before, after));
    return toProfileTypeView(after);
  });
}
