import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { slugSchema } from '../shared/slug.ts';
import { objectKindSchema, objectKinds } from '../shared/structure.ts';
import { optionalText, requiredText } from '../shared/text.ts';
import { stagesMax } from './workflow.ts';

const stagesSchema = z
  .array(z.strictObject({ slug: slugSchema('Stage slug'), name: requiredText('Stage name') }), {
    error: 'Stages must be a list of {slug, name}',
  })
  .min(1, 'A workflow has at least one stage')
  .max(stagesMax, `A workflow has at most ${stagesMax} stages`)
  .superRefine((stages, ctx) => {
    const seen = new Set<string>();
    for (const [index, stage] of stages.entries()) {
      if (seen.has(stage.slug)) {
        ctx.addIssue({ code: 'custom', path: [index, 'slug'], message: 'Each stage has a slug of its own' });
      }
      seen.add(stage.slug);
    }
  });

const workflowFields = {
  slug: slugSchema('Slug'),
  name: requiredText('Name'),
  description: optionalText('Description', 1000).optional(),
  /** In order. On update, a stage keeps its id (and the records in it) by its slug. */
  stages: stagesSchema,
};

export const createWorkflowInput = z.strictObject({ objectKind: objectKindSchema, ...workflowFields });
export type CreateWorkflowInput = z.output<typeof createWorkflowInput>;

export const updateWorkflowInput = z.strictObject({
  id: idSchema,
  ...z.strictObject(workflowFields).partial().shape,
});
export type UpdateWorkflowInput = z.output<typeof updateWorkflowInput>;

export const moveRecordInput = z.strictObject({ id: idSchema, recordId: idSchema, stageId: idSchema });
export type MoveRecordInput = z.output<typeof moveRecordInput>;

export const workflowRecordInput = z.strictObject({ id: idSchema, recordId: idSchema });
export type WorkflowRecordInput = z.output<typeof workflowRecordInput>;

const stageOutput = z.object({ id: z.string(), slug: z.string(), name: z.string() });

export const workflowOutput = z.object({
  id: z.string(),
  objectKind: z.enum(objectKinds),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  stages: z.array(stageOutput),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type WorkflowView = z.output<typeof workflowOutput>;

export const recordStageOutput = z.object({
  workflowId: z.string(),
  stageId: z.string(),
  enteredAt: z.date(),
});
export type RecordStageView = z.output<typeof recordStageOutput>;
