import type { AttributeDataType, AttributeRules, DefinitionRules } from './attribute-definition.ts';

/** Test helper: no rules at all. */
export const noRules: AttributeRules = {
  options: [],
  min: null,
  max: null,
  minLength: null,
  maxLength: null,
  pattern: null,
};

/** Test helper: an optional attribute of the data type, with the rules and fields given. */
export function definitionRules(
  slug: string,
  dataType: AttributeDataType,
  rules: Partial<DefinitionRules> = {},
): DefinitionRules {
  return { slug, label: slug.replaceAll('_', ' '), dataType, isRequired: false, ...noRules, ...rules };
}
