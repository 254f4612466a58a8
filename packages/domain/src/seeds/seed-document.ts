import type {
  AttributeDataType,
  AttributeDefinition,
  DefinitionRules,
  SelectOption,
} from '../attribute-definitions/attribute-definition.ts';
import {
  checkedDefaultValues,
  type ProfileType,
  type ProfileTypeCategory,
} from '../profile-types/profile-type.ts';
import { DomainError, isDomainError } from '../shared/errors.ts';
import { isJsonObject, type JsonObject, type JsonValue } from '../shared/json.ts';
import { objectKinds, type ObjectKind } from '../shared/structure.ts';
import type { Workflow } from '../workflows/workflow.ts';

/**
 * What the entries of a seed file define (reference 000, Seeds), in the order an import applies
 * them: profile types bundle attributes and name a default workflow, so those come first.
 */
export const seedObjectTypes = ['attributes', 'workflows', 'profiles'] as const;
export type SeedObjectType = (typeof seedObjectTypes)[number];

export const seedEntriesMax = 2000;

/** An attribute definition in a seed file: snake_case, as reference 000's profile entry. */
export interface AttributeSeedData {
  slug: string;
  label: string;
  object_type: ObjectKind;
  data_type: AttributeDataType;
  required: boolean;
  description: string | null;
  options: SelectOption[];
  min: number | null;
  max: number | null;
  min_length: number | null;
  max_length: number | null;
  pattern: string | null;
}

export interface WorkflowSeedData {
  slug: string;
  name: string;
  object_type: ObjectKind;
  description: string | null;
  /** In order, the first is where a record starts. */
  stages: { slug: string; name: string }[];
}

/** A profile type in a seed file: the fields of reference 000's example and its authoring defaults. */
export interface ProfileSeedData {
  title: string;
  slug: string;
  description: string | null;
  badge_color: string | null;
  /** The category: leads, contacts, vendors, organizations or users. */
  type: ProfileTypeCategory;
  object_type: ObjectKind;
  /** The slugs of the attributes it bundles, in order. */
  attributes: string[];
  /** The slug of a workflow of the same object type. */
  default_workflow: string | null;
  /** By attribute slug. */
  default_values: JsonObject;
}

export type SeedEntry =
  | { object_type: 'attributes'; data: AttributeSeedData }
  | { object_type: 'workflows'; data: WorkflowSeedData }
  | { object_type: 'profiles'; data: ProfileSeedData };

/** An entry as an import reports it. */
export interface SeedItem {
  object_type: SeedObjectType;
  slug: string;
}

/** What an import did, or would do on a dry run, with each entry of the document. */
export interface SeedImportResult {
  created: SeedItem[];
  updated: SeedItem[];
  unchanged: SeedItem[];
}

/** An attribute definition as a seed entry gives it: everything but its identity and times. */
export type SeededAttributeDefinition = Omit<
  AttributeDefinition,
  'id' | 'workspaceId' | 'createdAt' | 'updatedAt'
>;

export type SeededWorkflow = Pick<Workflow, 'objectKind' | 'slug' | 'name' | 'description'> & {
  stages: { slug: string; name: string }[];
};

/** A profile type as a seed entry gives it: its default workflow named by slug. */
export type SeededProfileType = Omit<
  ProfileType,
  'id' | 'workspaceId' | 'createdAt' | 'updatedAt' | 'defaultWorkflowId'
> & { defaultWorkflow: string | null };

export function attributeSeedData(definition: SeededAttributeDefinition): AttributeSeedData {
  return {
    slug: definition.slug,
    label: definition.label,
    object_type: definition.objectKind,
    data_type: definition.dataType,
    required: definition.isRequired,
    description: definition.description,
    options: definition.options.map(({ value, label }) => ({ value, label })),
    min: definition.min,
    max: definition.max,
    min_length: definition.minLength,
    max_length: definition.maxLength,
    pattern: definition.pattern,
  };
}

export function seededAttributeDefinition(data: AttributeSeedData): SeededAttributeDefinition {
  return {
    objectKind: data.object_type,
    slug: data.slug,
    label: data.label,
    description: data.description,
    dataType: data.data_type,
    isRequired: data.required,
    options: data.options.map(({ value, label }) => ({ value, label })),
    min: data.min,
    max: data.max,
    minLength: data.min_length,
    maxLength: data.max_length,
    pattern: data.pattern,
  };
}

export function workflowSeedData(workflow: SeededWorkflow): WorkflowSeedData {
  return {
    slug: workflow.slug,
    name: workflow.name,
    object_type: workflow.objectKind,
    description: workflow.description,
    stages: workflow.stages.map(({ slug, name }) => ({ slug, name })),
  };
}

export function seededWorkflow(data: WorkflowSeedData): SeededWorkflow {
  return {
    objectKind: data.object_type,
    slug: data.slug,
    name: data.name,
    description: data.description,
    stages: data.stages.map(({ slug, name }) => ({ slug, name })),
  };
}

export function profileSeedData(type: SeededProfileType): ProfileSeedData {
  return {
    title: type.title,
    slug: type.slug,
    description: type.description,
    badge_color: type.badgeColor,
    type: type.category,
    object_type: type.objectKind,
    attributes: [...type.attributeSlugs],
    default_workflow: type.defaultWorkflow,
    default_values: { ...type.defaultValues },
  };
}

export function seededProfileType(data: ProfileSeedData): SeededProfileType {
  return {
    objectKind: data.object_type,
    slug: data.slug,
    title: data.title,
    description: data.description,
    badgeColor: data.badge_color,
    category: data.type,
    attributeSlugs: [...data.attributes],
    defaultWorkflow: data.default_workflow,
    defaultValues: { ...data.default_values },
  };
}

/** A stored profile type with its default workflow named by slug, among the workspace's workflows. */
export function storedProfileSeedData(type: ProfileType, workflows: readonly Workflow[]): ProfileSeedData {
  const defaultWorkflow = workflows.find((workflow) => workflow.id === type.defaultWorkflowId);
  return profileSeedData({ ...type, defaultWorkflow: defaultWorkflow?.slug ?? null });
}

/**
 * A profile entry as it would be stored: its default values checked against the definitions of
 * the attributes it bundles (`"12.5"` for a number becomes 12.5). Left as written when they do not
 * fit, or an attribute is not defined: the change is then refused with the reason.
 */
export function profileSeedDataAsStored(
  data: ProfileSeedData,
  definitions: readonly DefinitionRules[],
): ProfileSeedData {
  const bundled: DefinitionRules[] = [];
  for (const slug of data.attributes) {
    const definition = definitions.find((each) => each.slug === slug);
    if (definition === undefined) return data;
    bundled.push(definition);
  }
  try {
    const checked = checkedDefaultValues(bundled, data.default_values);
    return { ...data, default_values: checked };
  } catch (error) {
    if (isDomainError(error)) return data;
    throw error;
  }
}

/** Whether two JSON values are equal, whatever the order of their objects' keys (jsonb keeps its own). */
export function isSameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => isSameJson(item, b[index]))
    );
  }
  if (isJsonObject(a) || isJsonObject(b)) {
    if (!isJsonObject(a) || !isJsonObject(b)) return false;
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && isSameJson(a[key], b[key]))
    );
  }
  return a === b;
}

/** Whether an entry's data says the same as another's: what an import leaves alone. */
export function isSameSeedData(a: SeedEntry['data'], b: SeedEntry['data']): boolean {
  return isSameJson(a as unknown as JsonValue, b as unknown as JsonValue);
}

/** What an entry is known by: its object type, the object kind it applies to and its slug. */
export function seedEntryKey(entry: SeedEntry): string {
  return seedKey(entry.object_type, entry.data.object_type, entry.data.slug);
}

export function seedKey(objectType: SeedObjectType, objectKind: ObjectKind, slug: string): string {
  return `${objectType}/${objectKind}/${slug}`;
}

export function seedItemOf(entry: SeedEntry): SeedItem {
  return { object_type: entry.object_type, slug: entry.data.slug };
}

function compareEntries(a: SeedEntry, b: SeedEntry): number {
  return (
    seedObjectTypes.indexOf(a.object_type) - seedObjectTypes.indexOf(b.object_type) ||
    objectKinds.indexOf(a.data.object_type) - objectKinds.indexOf(b.data.object_type) ||
    (a.data.slug < b.data.slug ? -1 : a.data.slug > b.data.slug ? 1 : 0)
  );
}

/**
 * A document's entries, with their positions, in the order an import applies them whatever the
 * document's: attributes, then workflows, then profile types, each by object kind and slug (the
 * same order for every import, so that two imports wait on each other's new slugs in one order).
 */
export function seedApplyOrder(entries: readonly SeedEntry[]): { index: number; entry: SeedEntry }[] {
  return entries.map((entry, index) => ({ entry, index })).sort((a, b) => compareEntries(a.entry, b.entry));
}

/** A workspace's structure as a seed document: attributes, workflows, profile types, each by object kind and slug. */
export function seedDocumentOf(structure: {
  attributeDefinitions: readonly AttributeDefinition[];
  workflows: readonly Workflow[];
  profileTypes: readonly ProfileType[];
}): SeedEntry[] {
  const entries: SeedEntry[] = [
    ...structure.attributeDefinitions.map((definition) => ({
      object_type: 'attributes' as const,
      data: attributeSeedData(definition),
    })),
    ...structure.workflows.map((workflow) => ({
      object_type: 'workflows' as const,
      data: workflowSeedData(workflow),
    })),
    ...structure.profileTypes.map((type) => ({
      object_type: 'profiles' as const,
      data: storedProfileSeedData(type, structure.workflows),
    })),
  ];
  return entries.sort(compareEntries);
}

/** The fields of a definition, workflow or profile type as a seed entry names them. */
const entryFieldOf: Record<string, string | null> = {
  id: null,
  objectKind: 'object_type',
  dataType: 'data_type',
  isRequired: 'required',
  minLength: 'min_length',
  maxLength: 'max_length',
  badgeColor: 'badge_color',
  category: 'type',
  defaultValues: 'default_values',
  defaultWorkflowId: 'default_workflow',
  workflowId: 'default_workflow',
};

/** Where in a document a refusal of its entry's field lies: `attributes.1` of entry 3 is `document.3.data.attributes.1`. */
export function seedEntryPath(index: number, fieldPath?: string): string {
  const entry = `document.${index}.data`;
  if (fieldPath === undefined || fieldPath === '') return entry;
  const [field = '', ...rest] = fieldPath.split('.');
  const named = Object.hasOwn(entryFieldOf, field) ? entryFieldOf[field] : field;
  return named === null || named === undefined ? entry : [entry, named, ...rest].join('.');
}

/** A refusal of an entry's definition, told as the entry's: `entry 3: …` at the entry's field. */
export function seedEntryError(index: number, error: DomainError): DomainError {
  return new DomainError(error.code, `entry ${index}: ${error.message}`, {
    path: seedEntryPath(index, error.path),
    details: { ...error.details, entry: index },
  });
}
