import type { FieldIssue } from '@tessera/api';
import type { ObjectKind, ProfileTypeCategory } from '@tessera/domain';
import type { RouterOutputs } from '../../lib/trpc.ts';
import {
  defaultValuesOf,
  draftsOf,
  type AttributeDefinition,
  type AttributeDrafts,
} from './attribute-value.drafts.ts';
import { defaultBadgeColour } from './badge-colour.ts';

export type ProfileType = RouterOutputs['profileTypes']['list'][number];

export interface ProfileTypeFormValues {
  objectKind: ObjectKind;
  title: string;
  slug: string;
  description: string;
  /** `#rrggbb`, or empty for none */
  badgeColor: string;
  category: ProfileTypeCategory;
  /** The slugs of the attributes it bundles, in order */
  attributes: string[];
  /** Empty for none */
  defaultWorkflowId: string;
  /** By attribute slug; only those of bundled attributes are sent */
  defaultValues: AttributeDrafts;
}

export function emptyProfileTypeValues(objectKind: ObjectKind): ProfileTypeFormValues {
  return {
    objectKind,
    title: '',
    slug: '',
    description: '',
    badgeColor: defaultBadgeColour,
    category: objectKind,
    attributes: [],
    defaultWorkflowId: '',
    defaultValues: {},
  };
}

/** The definitions of the slugs, in their order; a slug without a definition is left out. */
export function bundledDefinitions(
  slugs: readonly string[],
  definitions: readonly AttributeDefinition[],
): AttributeDefinition[] {
  return slugs.flatMap((slug) => definitions.filter((definition) => definition.slug === slug));
}

export function profileTypeValuesOf(
  type: ProfileType,
  definitions: readonly AttributeDefinition[],
): ProfileTypeFormValues {
  return {
    objectKind: type.objectKind,
    title: type.title,
    slug: type.slug,
    description: type.description ?? '',
    badgeColor: type.badgeColor ?? '',
    category: type.category,
    attributes: type.attributes,
    defaultWorkflowId: type.defaultWorkflowId ?? '',
    defaultValues: draftsOf(bundledDefinitions(type.attributes, definitions), type.defaultValues),
  };
}

/** The fields create and update share, and the default values that could not be read, as issues at their fields. */
function typeFieldsOf(values: ProfileTypeFormValues, definitions: readonly AttributeDefinition[]) {
  const defaults = defaultValuesOf(bundledDefinitions(values.attributes, definitions), values.defaultValues);
  const fields = {
    slug: values.slug,
    title: values.title,
    description: values.description,
    badgeColor: values.badgeColor.trim() === '' ? null : values.badgeColor,
    category: values.category,
    attributes: values.attributes,
    defaultValues: defaults.values,
  };
  const issues: FieldIssue[] = Object.entries(defaults.errors).map(([path, message]) => ({ path, message }));
  return { fields, issues };
}

export function createProfileTypeInputOf(
  values: ProfileTypeFormValues,
  definitions: readonly AttributeDefinition[],
) {
  const { fields, issues } = typeFieldsOf(values, definitions);
  const defaultWorkflowId = values.defaultWorkflowId === '' ? null : values.defaultWorkflowId;
  return { input: { objectKind: values.objectKind, ...fields, defaultWorkflowId }, issues };
}

/** The kind stays, and the default workflow is set on its own (`profileTypes.setDefaultWorkflow`). */
export function updateProfileTypeInputOf(
  id: string,
  values: ProfileTypeFormValues,
  definitions: readonly AttributeDefinition[],
) {
  const { fields, issues } = typeFieldsOf(values, definitions);
  return { input: { id, ...fields }, issues };
}

export function profileTypeFieldNames(values: Pick<ProfileTypeFormValues, 'attributes'>): string[] {
  return [
    'objectKind',
    'title',
    'slug',
    'description',
    'badgeColor',
    'category',
    'attributes',
    'defaultWorkflowId',
    ...values.attributes.map((slug) => `defaultValues.${slug}`),
  ];
}
