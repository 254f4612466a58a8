import {
  attributeDefinitionOutput,
  createAttributeDefinitionInput,
  objectKindFilterInput,
  structureIdInput,
  updateAttributeDefinitionInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import {
  createAttributeDefinition,
  deleteAttributeDefinition,
  getAttributeDefinition,
  listAttributeDefinitions,
  updateAttributeDefinition,
} from './attribute-definitions.service.ts';

const reader = permittedProcedure('structure.read');
const manager = permittedProcedure('structure.manage');

export const attributeDefinitionsRouter = router({
  list: reader
    .input(objectKindFilterInput)
    .output(z.array(attributeDefinitionOutput))
    .query(({ ctx, input }) => listAttributeDefinitions(ctx, input)),
  get: reader
    .input(structureIdInput)
    .output(attributeDefinitionOutput)
    .query(({ ctx, input }) => getAttributeDefinition(ctx, input)),
  create: manager
    .input(createAttributeDefinitionInput)
    .output(attributeDefinitionOutput)
    .mutation(({ ctx, input }) => createAttributeDefinition(ctx, input)),
  update: manager
    .input(updateAttributeDefinitionInput)
    .output(attributeDefinitionOutput)
    .mutation(({ ctx, input }) => updateAttributeDefinition(ctx, input)),
  delete: manager
    .input(structureIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteAttributeDefinition(ctx, input)),
});
