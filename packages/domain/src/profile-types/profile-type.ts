import type { DefinitionRules } from '../attribute-definitions/attribute-definition.ts';
import { attributeValue, checkedValues } from '../attribute-definitions/attribute-value.ts';
import { DomainError, isDomainError } from '../shared/errors.ts';
import type { WorkspaceId } from '../shared/ids.ts';
import type { JsonObject } from '../shared/json.ts';
import type { ObjectKind } from '../shared/structure.ts';

/** Reference 000's `type`: what a profile type is for, for grouping and segmentation. */
export const profileTypeCategories = ['leads', 'contacts', 'vendors', 'organizations', 'users'] as const;
export type ProfileTypeCategory = (typeof profileTypeCategories)[number];

/**
 * A reusable, named bundle of attribute definitions of one object kind, with a badge colour and
 * authoring defaults, that records adopt (what reference 000 calls a "Profile").
 */
export interface ProfileType {
  id: string;
  workspaceId: WorkspaceId;
  objectKind: ObjectKind;
  /** Unique per object kind. */
  slug: string;
  title: string;
  description: string | null;
  /** `#rrggbb` */
  badgeColor: string | null;
  category: ProfileTypeCategory;
  /** The slugs of the attribute definitions it bundles, in order. */
  attributeSlugs: string[];
  /** The workflow a record enters, at its first stage, when it adopts the type. */
  defaultWorkflowId: string | null;
  /** Values a record that adopts the type takes where it has none, by attribute slug. */
  defaultValues: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

/** A profile type as a record that adopted it shows it: read through the type's id, so renames show at once. */
export interface AdoptedProfileType {
  id: string;
  title: string;
  slug: string;
  badgeColor: string | null;
  attributeSlugs: string[];
}

/** How a record shows a profile type it adopted: a badge. */
export type ProfileTypeBadge = Omit<AdoptedProfileType, 'attributeSlugs'>;

/**
 * What a record shows of its profile types and custom attributes: a badge for each type, and its
 * values of the attributes those types bundle (values of types it detached stay hidden).
 */
export function shownCustomAttributes(
  types: readonly AdoptedProfileType[],
  values: JsonObject,
): { profileTypes: ProfileTypeBadge[]; attributes: JsonObject } {
  const attributes: JsonObject = {};
  if (types.length === 0) return { profileTypes: [], attributes };
  for (const type of types) {
    for (const slug of type.attributeSlugs) {
      const value = Object.hasOwn(values, slug) ? values[slug] : undefined;
      if (value !== undefined) attributes[slug] = value;
    }
  }
  const profileTypes = types.map(({ id, title, slug, badgeColor }) => ({ id, title, slug, badgeColor }));
  return { profileTypes, attributes };
}

/**
 * A type's default values, each checked against the definition of its attribute; refused at
 * `defaultValues.<slug>` for an attribute the type does not bundle or a value that does not fit.
 */
export function checkedDefaultValues(
  definitions: readonly DefinitionRules[],
  defaults: JsonObject,
): JsonObject {
  const checked: JsonObject = {};
  for (const [slug, value] of Object.entries(defaults)) {
    const definition = definitions.find((each) => each.slug === slug);
    if (definition === undefined) {
      throw new DomainError('INVALID_FIELD', `${slug} is not one of this profile type's attributes`, {
        path: `defaultValues.${slug}`,
      });
    }
    try {
      checked[slug] = attributeValue(definition, value);
    } catch (error) {
      if (!isDomainError(error)) throw error;
      throw new DomainError(error.code, error.message, {
        path: `defaultValues.${slug}`,
        details: error.details,
      });
    }
  }
  return checked;
}

/**
 * What a record holds once it adopts `type`: its values with those `given` as it adopts it (set,
 * or removed where null), the type's default values where it has none, each value of the combined attributes checked (`definitions`: those of every type it
 * holds, this one included). Refused naming the required attributes that have no value.
 */
export function valuesOnAdoption(
  type: Pick<ProfileType, 'defaultValues'>,
  definitions: readonly DefinitionRules[],
  stored: JsonObject,
  given: JsonObject = {},
): JsonObject {
  const withDefaults = withChanges(definitions, stored, given);
  for (const [slug, value] of Object.entries(type.defaultValues)) {
    if (withDefaults[slug] === undefined || withDefaults[slug] === null) withDefaults[slug] = value;
  }
  return checkedValues(definitions, withDefaults);
}

/**
 * A record's values after a change: each given slug set, or removed where given null. Only the
 * attributes of its profile types (`definitions`) can be set; the result is checked as a whole.
 */
export function changedValues(
  definitions: readonly DefinitionRules[],
  stored: JsonObject,
  changes: JsonObject,
): JsonObject {
  return checkedValues(definitions, withChanges(definitions, stored, changes));
}

/** The values with each given slug set, or removed where given null; only the definitions' slugs can be. */
function withChanges(
  definitions: readonly DefinitionRules[],
  stored: JsonObject,
  changes: JsonObject,
): JsonObject {
  const changed: JsonObject = { ...stored };
  for (const [slug, value] of Object.entries(changes)) {
    if (!definitions.some((definition) => definition.slug === slug)) {
      throw new DomainError(
        'ATTRIBUTE_NOT_ADOPTED',
        `${slug} is not an attribute of this record's profile types: attach a type that bundles it first`,
        { path: `attributes.${slug}`, details: { attribute: slug } },
      );
    }
    if (value === null) delete changed[slug];
    else changed[slug] = value;
  }
  return changed;
}
