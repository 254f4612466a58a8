import type { WorkspaceId } from '../shared/ids.ts';
import type { JsonObject } from '../shared/json.ts';

/** One way an outside system knows a person: `{type, value}`, both text (003: identifiers). */
export interface Identifier {
  type: string;
  value: string;
}

/**
 * What one outside system knows of a profile (003: a "profile" there): its `source` and `type`,
 * identifiers and attributes, linked to exactly one profile.
 */
export interface SourceRecord {
  id: string;
  workspaceId: WorkspaceId;
  profileId: string;
  source: string;
  type: string;
  /** The name given; without one the record is named from its identifiers (`sourceRecordName`). */
  name: string | null;
  identifiers: Identifier[];
  attributes: JsonObject;
  createdAt: Date;
  updatedAt: Date;
}

export const sourceLengthMax = 64;
export const identifierTypeLengthMax = 64;
export const identifierValueLengthMax = 255;
export const identifiersPerRecordMax = 20;
export const sourceRecordsPerProfileDefault = 20;
/** What a workspace may raise its limit of source records per profile to. */
export const sourceRecordsPerProfileCeiling = 100;
export const attributesLengthMax = 65_536;
export const attributesDepthMax = 16;

/** 003 reserves `zendesk`; Tessera keeps `tessera` for its own records. */
export const reservedSources = ['zendesk', 'tessera'] as const;

export function isReservedSource(source: string): boolean {
  return (reservedSources as readonly string[]).includes(source.trim().toLowerCase());
}
