import type { WorkspaceId } from '../shared/ids.ts';
import type { ObjectKind } from '../shared/structure.ts';

export interface WorkflowStage {
  id: string;
  /** Unique in its workflow. */
  slug: string;
  name: string;
}

/** A named, ordered list of stages that records of one object kind move through; a record is in at most one stage of each. */
export interface Workflow {
  id: string;
  workspaceId: WorkspaceId;
  objectKind: ObjectKind;
  /** Unique per object kind. */
  slug: string;
  name: string;
  description: string | null;
  /** In order: the first is where a record starts. */
  stages: WorkflowStage[];
  createdAt: Date;
  updatedAt: Date;
}

/** Where a record is in one workflow. */
export interface RecordStage {
  workflowId: string;
  stageId: string;
  enteredAt: Date;
}

export const stagesMax = 50;
