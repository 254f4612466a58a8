export interface WorkflowTable {
  workspace_id: string;
  id: string;
  object_kind: string;
  slug: string;
  name: string;
  description: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface WorkflowStageTable {
  workspace_id: string;
  workflow_id: string;
  id: string;
  slug: string;
  name: string;
  position: number;
}

/** The stage a record (by object kind and id) is in, in one workflow. */
export interface WorkflowPositionTable {
  workspace_id: string;
  object_kind: string;
  record_id: string;
  workflow_id: string;
  stage_id: string;
  entered_at: Date;
}
