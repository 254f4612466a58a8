import type { AttributeDataType } from '@tessera/domain';
import type { AttributeDefinition } from './attribute-value.drafts.ts';

/** Test helper: an optional contacts attribute of the data type without rules, but for the fields given. */
export function attributeDefinition(
  slug: string,
  dataType: AttributeDataType,
  fields: Partial<AttributeDefinition> = {},
): AttributeDefinition {
  return {
    id: `${slug}-id`,
    objectKind: 'contacts',
    slug,
    label: slug,
    description: null,
    dataType,
    isRequired: false,
    options: [],
    min: null,
    max: null,
    minLength: null,
    maxLength: null,
    pattern: null,
    createdAt: new Date('2024-05-01T00:00:00Z'),
    updatedAt: new Date('2024-05-01T00:00:00Z'),
    ...fields,
  };
}
