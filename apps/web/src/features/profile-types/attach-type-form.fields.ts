import type { JsonObject } from '@tessera/domain';
import {
  emptyDraft,
  valueOfDraft,
  type AttributeDefinition,
  type AttributeDrafts,
  type ValueDefinition,
} from './attribute-value.drafts.ts';
import { bundledDefinitions, type ProfileType } from './profile-type-form.fields.ts';

/** Where the API reports the issues of a value given with an attach. */
export const attachValuePath = (slug: string) => `attributes.${slug}`;

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/**
 * The attributes a record must be given values for as it adopts `type`: those the type bundles
 * that are required, with no default value in the type and no value on the record.
 */
export function valuesNeededToAttach(
  type: Pick<ProfileType, 'attributes' | 'defaultValues'>,
  definitions: readonly AttributeDefinition[],
  values: Record<string, unknown>,
): AttributeDefinition[] {
  return bundledDefinitions(type.attributes, definitions).filter(
    (definition) =>
      definition.isRequired &&
      !hasValue(type.defaultValues[definition.slug]) &&
      !hasValue(values[definition.slug]),
  );
}

/**
 * The values sent with an attach, by slug, and the drafts that cannot be read, at their paths.
 * An empty draft is left out rather than sent as null, which would remove a value the record keeps
 * from a type it detached.
 */
export function attachValuesOf(
  definitions: readonly ValueDefinition[],
  drafts: AttributeDrafts,
): { values: JsonObject; errors: Record<string, string> } {
  const values: JsonObject = {};
  const errors: Record<string, string> = {};
  for (const definition of definitions) {
    const read = valueOfDraft(definition, drafts[definition.slug] ?? emptyDraft(definition.dataType));
    if ('error' in read) errors[attachValuePath(definition.slug)] = read.error;
    else if (read.value !== null) values[definition.slug] = read.value;
  }
  return { values, errors };
}
