import {
  adoptersOutput,
  adoptionInput,
  attachProfileTypeInput,
  createProfileTypeInput,
  listAdoptersInput,
  objectKindFilterInput,
  profileTypeOutput,
  recordAttributesOutput,
  setDefaultWorkflowInput,
  structureIdInput,
  updateProfileTypeInput,
  workflowOutput,
} from '@tessera/domain';
import { z } from 'zod';
import { memberProcedure, permittedProcedure, router } from '../trpc.ts';
import { attachProfileType, detachProfileType, listAdopters } from './adoption.service.ts';
import {
  createProfileType,
  deleteProfileType,
  getDefaultWorkflow,
  getProfileType,
  listProfileTypes,
  setDefaultWorkflow,
  updateProfileType,
} from './profile-types.service.ts';

const reader = permittedProcedure('structure.read');
const manager = permittedProcedure('structure.manage');

export const profileTypesRouter = router({
  list: reader
    .input(objectKindFilterInput)
    .output(z.array(profileTypeOutput))
    .query(({ ctx, input }) => listProfileTypes(ctx, input)),
  get: reader
    .input(structureIdInput)
    .output(profileTypeOutput)
    .query(({ ctx, input }) => getProfileType(ctx, input)),
  create: manager
    .input(createProfileTypeInput)
    .output(profileTypeOutput)
    .mutation(({ ctx, input }) => createProfileType(ctx, input)),
  update: manager
    .input(updateProfileTypeInput)
    .output(profileTypeOutput)
    .mutation(({ ctx, input }) => updateProfileType(ctx, input)),
  delete: manager
    .input(structureIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteProfileType(ctx, input)),
  getDefaultWorkflow: reader
    .input(structureIdInput)
    .output(workflowOutput.nullable())
    .query(({ ctx, input }) => getDefaultWorkflow(ctx, input)),
  setDefaultWorkflow: manager
    .input(setDefaultWorkflowInput)
    .output(profileTypeOutput)
    .mutation(({ ctx, input }) => setDefaultWorkflow(ctx, input)),
  // Attaching and detaching change the record: who may do it depends on its kind, which the use cases check.
  attach: memberProcedure
    .input(attachProfileTypeInput)
    .output(recordAttributesOutput)
    .mutation(({ ctx, input }) => attachProfileType(ctx, input)),
  detach: memberProcedure
    .input(adoptionInput)
    .output(recordAttributesOutput)
    .mutation(({ ctx, input }) => detachProfileType(ctx, input)),
  listAdopters: memberProcedure
    .input(listAdoptersInput)
    .output(adoptersOutput)
    .query(({ ctx, input }) => listAdopters(ctx, input)),
});
