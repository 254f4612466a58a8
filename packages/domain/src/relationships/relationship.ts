import type { WorkspaceId } from '../shared/ids.ts';
import type { ObjectKind } from '../shared/structure.ts';

/**
 * How many links a record may have, from source to target: `one_to_many` lets a source link to
 * many targets and a target to one source; `many_to_one` the other way round.
 */
export const cardinalities = ['one_to_one', 'one_to_many', 'many_to_one', 'many_to_many'] as const;
export type Cardinality = (typeof cardinalities)[number];

/** A custom, named link between records of two object kinds (reference 000: custom relationships). */
export interface RelationshipDefinition {
  id: string;
  workspaceId: WorkspaceId;
  /** Unique in the workspace. */
  slug: string;
  name: string;
  description: string | null;
  sourceKind: ObjectKind;
  targetKind: ObjectKind;
  cardinality: Cardinality;
  /** A profile type of the target kind: only records that adopted it can be linked to. */
  targetProfileTypeId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface RelationshipLink {
  relationshipId: string;
  sourceKind: ObjectKind;
  sourceId: string;
  targetKind: ObjectKind;
  targetId: string;
  createdAt: Date;
}
