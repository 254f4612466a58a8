import {
  createWorkflowInput,
  moveRecordInput,
  objectKindFilterInput,
  recordInput,
  recordStageOutput,
  structureIdInput,
  updateWorkflowInput,
  workflowOutput,
  workflowRecordInput,
} from '@tessera/domain';
import { z } from 'zod';
import { memberProcedure, permittedProcedure, router } from '../trpc.ts';
import {
  createWorkflow,
  deleteWorkflow,
  getWorkflow,
  listRecordStages,
  listWorkflows,
  moveRecord,
  removeRecord,
  updateWorkflow,
} from './workflows.service.ts';

const reader = permittedProcedure('structure.read');
const manager = permittedProcedure('structure.manage');

export const workflowsRouter = router({
  list: reader
    .input(objectKindFilterInput)
    .output(z.array(workflowOutput))
    .query(({ ctx, input }) => listWorkflows(ctx, input)),
  get: reader
    .input(structureIdInput)
    .output(workflowOutput)
    .query(({ ctx, input }) => getWorkflow(ctx, input)),
  create: manager
    .input(createWorkflowInput)
    .output(workflowOutput)
    .mutation(({ ctx, input }) => createWorkflow(ctx, input)),
  update: manager
    .input(updateWorkflowInput)
    .output(workflowOutput)
    .mutation(({ ctx, input }) => updateWorkflow(ctx, input)),
  delete: manager
    .input(structureIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteWorkflow(ctx, input)),
  // Moving a record changes the record: who may do it depends on its kind, which the use cases check.
  moveRecord: memberProcedure
    .input(moveRecordInput)
    .output(recordStageOutput)
    .mutation(({ ctx, input }) => moveRecord(ctx, input)),
  removeRecord: memberProcedure
    .input(workflowRecordInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => removeRecord(ctx, input)),
  recordStages: memberProcedure
    .input(recordInput)
    .output(z.array(recordStageOutput))
    .query(({ ctx, input }) => listRecordStages(ctx, input)),
});
