import { z } from 'zod';
import { DomainError } from './errors.ts';
import { idSchema } from './ids.ts';

/**
 * The kinds of record that adopt profile types and carry custom attributes (reference 000):
 * `contacts` are profiles, `users` are members, `organizations` are accounts.
 */
export const objectKinds = ['contacts', 'organizations', 'users'] as const;
export type ObjectKind = (typeof objectKinds)[number];
export const objectKindSchema = z.enum(objectKinds, {
  error: 'Object kind must be contacts, organizations or users',
});

/** A definition of the workspace's structure (attribute, profile type, workflow, relationship) by id. */
export const structureIdInput = z.strictObject({ id: idSchema });
export type StructureIdInput = z.output<typeof structureIdInput>;

/** A list of definitions, of one object kind when one is given. */
export const objectKindFilterInput = z.strictObject({ objectKind: objectKindSchema.optional() }).prefault({});
export type ObjectKindFilterInput = z.output<typeof objectKindFilterInput>;

/** The refusal of a record that does not exist, at the input field that named it. */
export function recordNotFound(objectKind: ObjectKind, path: string): DomainError {
  switch (objectKind) {
    case 'contacts':
      return new DomainError('PROFILE_NOT_FOUND', 'No profile has this id', { path });
    case 'users':
      return new DomainError('MEMBER_NOT_FOUND', 'No member of this workspace has this id', { path });
    case 'organizations':
      return new DomainError('ORGANIZATION_NOT_FOUND', 'No organization has this id', { path });
  }
}
