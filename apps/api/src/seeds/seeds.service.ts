import type { Database, Executor, Scope } from '@tessera/db';
import { findAttributeDefinitions } from '@tessera/db/attribute-definitions';
import { findProfileTypes } from '@tessera/db/profile-types';
import { findWorkflows } from '@tessera/db/workflows';
import {
  attributeSeedData,
  DomainError,
  isDomainError,
  isSameSeedData,
  profileSeedDataAsStored,
  seedApplyOrder,
  seedDocumentOf,
  seededAttributeDefinition,
  seededProfileType,
  seededWorkflow,
  seedEntryError,
  seedItemOf,
  seedKey,
  storedProfileSeedData,
  workflowSeedData,
  type AttributeDefinition,
  type AttributeSeedData,
  type DomainErrorCode,
  type ObjectKind,
  type ProfileSeedData,
  type ProfileType,
  type SeedEntry,
  type SeedImportInput,
  type SeedImportResult,
  type Workflow,
  type WorkflowSeedData,
} from '@tessera/domain';
import type { Kysely } from 'kysely';
import {
  addAttributeDefinition,
  attributeDefinitionAudit,
  changeAttributeDefinition,
} from '../attribute-definitions/attribute-definitions.service.ts';
import { recordAudit, recordOperatorAudit, type AuditedChange } from '../audit/audit.ts';
import type { AppDeps, MemberContext } from '../context.ts';
import {
  addProfileType,
  changeDefaultWorkflow,
  changeProfileType,
  profileTypeAudit,
} from '../profile-types/profile-types.service.ts';
import { addWorkflow, changeWorkflow, workflowAudit } from '../workflows/workflows.service.ts';

/** Who imports a document: into which workspace, and how each change is audited (a member's or an operator's). */
interface Importer extends Pick<AppDeps, 'db' | 'newId' | 'clock'> {
  scope: Scope;
  audit(trx: Executor, change: AuditedChange): Promise<void>;
}

/** The workspace's structure by seed key, kept up to date as the import writes. */
interface Structure {
  attributeDefinitions: Map<string, AttributeDefinition>;
  workflows: Map<string, Workflow>;
  profileTypes: Map<string, ProfileType>;
}

type Outcome = keyof SeedImportResult;

async function readStructure(db: Executor, scope: Scope) {
  return {
    attributeDefinitions: await findAttributeDefinitions(db, scope),
    workflows: await findWorkflows(db, scope),
    profileTypes: await findProfileTypes(db, scope),
  };
}

/** The workspace's structure as a seed document, read as of one moment. */
export async function exportSeed(ctx: { db: Kysely<Database>; scope: Scope }): Promise<SeedEntry[]> {
  const structure = await ctx.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute((trx) => readStructure(trx, ctx.scope));
  return seedDocumentOf(structure);
}

async function storedStructure(trx: Executor, scope: Scope): Promise<Structure> {
  const stored = await readStructure(trx, scope);
  return {
    attributeDefinitions: new Map(
      stored.attributeDefinitions.map((each) => [seedKey('attributes', each.objectKind, each.slug), each]),
    ),
    workflows: new Map(
      stored.workflows.map((each) => [seedKey('workflows', each.objectKind, each.slug), each]),
    ),
    profileTypes: new Map(
      stored.profileTypes.map((each) => [seedKey('profiles', each.objectKind, each.slug), each]),
    ),
  };
}

async function applyAttribute(
  trx: Executor,
  importer: Importer,
  structure: Structure,
  data: AttributeSeedData,
): Promise<Outcome> {
  const key = seedKey('attributes', data.object_type, data.slug);
  const stored = structure.attributeDefinitions.get(key);
  const fields = seededAttributeDefinition(data);
  if (stored === undefined) {
    const created = await addAttributeDefinition(trx, importer, fields);
    await importer.audit(trx, attributeDefinitionAudit('attribute_definition.create', null, created));
    structure.attributeDefinitions.set(key, created);
    return 'created';
  }
  if (isSameSeedData(attributeSeedData(stored), data)) return 'unchanged';
  const { objectKind: _objectKind, slug: _slug, ...changes } = fields;
  const { before, after } = await changeAttributeDefinition(trx, importer, { id: stored.id, ...changes });
  await importer.audit(trx, attributeDefinitionAudit('attribute_definition.update', before, after));
  structure.attributeDefinitions.set(key, after);
  return 'updated';
}

async function applyWorkflow(
  trx: Executor,
  importer: Importer,
  structure: Structure,
  data: WorkflowSeedData,
): Promise<Outcome> {
  const key = seedKey('workflows', data.object_type, data.slug);
  const stored = structure.workflows.get(key);
  const fields = seededWorkflow(data);
  if (stored === undefined) {
    const created = await addWorkflow(trx, importer, fields);
    await importer.audit(trx, workflowAudit('workflow.create', null, created));
    structure.workflows.set(key, created);
    return 'created';
  }
  if (isSameSeedData(workflowSeedData(stored), data)) return 'unchanged';
  const { objectKind: _objectKind, ...changes } = fields;
  const { before, after } = await changeWorkflow(trx, importer, { id: stored.id, ...changes });
  await importer.audit(trx, workflowAudit('workflow.update', before, after));
  structure.workflows.set(key, after);
  return 'updated';
}

/** The id of the workflow an entry names as default, among those stored and those the import made. */
function defaultWorkflowId(structure: Structure, objectKind: ObjectKind, slug: string | null): string | null {
  if (slug === null) return null;
  const workflow = structure.workflows.get(seedKey('workflows', objectKind, slug));
  if (workflow === undefined) {
    throw new DomainError('WORKFLOW_NOT_FOUND', `No ${objectKind} workflow has the slug ${slug}`, {
      path: 'defaultWorkflowId',
    });
  }
  return workflow.id;
}

async function applyProfileType(
  trx: Executor,
  importer: Importer,
  structure: Structure,
  data: ProfileSeedData,
): Promise<Outcome> {
  const key = seedKey('profiles', data.object_type, data.slug);
  const stored = structure.profileTypes.get(key);
  const { defaultWorkflow, attributeSlugs, ...fields } = seededProfileType(data);
  const workflowId = defaultWorkflowId(structure, data.object_type, defaultWorkflow);
  if (stored === undefined) {
    const created = await addProfileType(trx, importer, {
      ...fields,
      attributes: attributeSlugs,
      defaultWorkflowId: workflowId,
    });
    await importer.audit(trx, profileTypeAudit('profile_type.create', null, created));
    structure.profileTypes.set(key, created);
    return 'created';
  }
  const present = storedProfileSeedData(stored, [...structure.workflows.values()]);
  const wanted = profileSeedDataAsStored(
    data,
    [...structure.attributeDefinitions.values()].filter(
      (definition) => definition.objectKind === data.object_type,
    ),
  );
  if (isSameSeedData(present, wanted)) return 'unchanged';
  let type = stored;
  const withoutWorkflow = (each: ProfileSeedData) => ({ ...each, default_workflow: null });
  if (!isSameSeedData(withoutWorkflow(present), withoutWorkflow(wanted))) {
    const { objectKind: _objectKind, ...changes } = fields;
    const { before, after } = await changeProfileType(trx, importer, {
      id: stored.id,
      ...changes,
      attributes: attributeSlugs,
    });
    await importer.audit(trx, profileTypeAudit('profile_type.update', before, after));
    type = after;
  }
  if (type.defaultWorkflowId !== workflowId) {
    const { before, after } = await changeDefaultWorkflow(trx, importer, { id: stored.id, workflowId });
    await importer.audit(trx, profileTypeAudit('profile_type.set_default_workflow', before, after));
    type = after;
  }
  structure.profileTypes.set(key, type);
  return 'updated';
}

function applyEntry(
  trx: Executor,
  importer: Importer,
  structure: Structure,
  entry: SeedEntry,
): Promise<Outcome> {
  switch (entry.object_type) {
    case 'attributes':
      return applyAttribute(trx, importer, structure, entry.data);
    case 'workflows':
      return applyWorkflow(trx, importer, structure, entry.data);
    case 'profiles':
      return applyProfileType(trx, importer, structure, entry.data);
  }
}

/** Applies every entry, refusing the document at the first entry the rules refuse, told as that entry's. */
async function applyDocument(trx: Executor, importer: Importer, document: readonly SeedEntry[]) {
  const structure = await storedStructure(trx, importer.scope);
  const applied: { index: number; entry: SeedEntry; outcome: Outcome }[] = [];
  for (const { index, entry } of seedApplyOrder(document)) {
    try {
      applied.push({ index, entry, outcome: await applyEntry(trx, importer, structure, entry) });
    } catch (error) {
      throw isDomainError(error) ? seedEntryError(index, error) : error;
    }
  }
  const result: SeedImportResult = { created: [], updated: [], unchanged: [] };
  for (const { entry, outcome } of applied.sort((a, b) => a.index - b.index)) {
    result[outcome].push(seedItemOf(entry));
  }
  return result;
}

/** In one transaction: committed, or rolled back on a dry run, so that it reports and refuses what a real run would. */
async function importOnce(importer: Importer, input: SeedImportInput): Promise<SeedImportResult> {
  const trx = await importer.db.startTransaction().execute();
  try {
    const result = await applyDocument(trx, importer, input.document);
    await (input.dryRun ? trx.rollback() : trx.commit()).execute();
    return result;
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) await trx.rollback().execute();
    throw error;
  }
}

/**
 * A slug taken while the import ran: another import (or member) created it after this one looked.
 * The import starts again and finds it stored.
 */
const racedCodes: readonly DomainErrorCode[] = [
  'ATTRIBUTE_SLUG_TAKEN',
  'WORKFLOW_SLUG_TAKEN',
  'PROFILE_TYPE_SLUG_TAKEN',
];
const attemptsMax = 3;

async function importDocument(importer: Importer, input: SeedImportInput): Promise<SeedImportResult> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await importOnce(importer, input);
    } catch (error) {
      if (attempt >= attemptsMax || !isDomainError(error) || !racedCodes.includes(error.code)) throw error;
    }
  }
}

/**
 * Creates and updates structure from a seed document, by slug: attributes first, then workflows,
 * then profile types, each through the rules of its own operations, all or nothing.
 */
export function importSeed(ctx: MemberContext, input: SeedImportInput): Promise<SeedImportResult> {
  return importDocument({ ...ctx, audit: (trx, change) => recordAudit(trx, ctx, change) }, input);
}

function operatorImporter(deps: Pick<AppDeps, 'db' | 'newId' | 'clock'>, scope: Scope): Importer {
  return { ...deps, scope, audit: (trx, change) => recordOperatorAudit(trx, deps, scope, change) };
}

/** Imports a seed document from the command line, where no member acts. */
export function importSeedByOperator(
  deps: Pick<AppDeps, 'db' | 'newId' | 'clock'>,
  scope: Scope,
  input: SeedImportInput,
): Promise<SeedImportResult> {
  return importDocument(operatorImporter(deps, scope), input);
}

/** Applies a seed document within a transaction the caller holds, as the command line does: the demo's. */
export function applySeedByOperator(
  trx: Executor,
  deps: Pick<AppDeps, 'db' | 'newId' | 'clock'>,
  scope: Scope,
  document: readonly SeedEntry[],
): Promise<SeedImportResult> {
  return applyDocument(trx, operatorImporter(deps, scope), document);
}
