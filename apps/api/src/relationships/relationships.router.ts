import {
  createRelationshipInput,
  linkInput,
  linkOutput,
  recordInput,
  relationshipOutput,
  structureIdInput,
  updateRelationshipInput,
} from '@tessera/domain';
import { z } from 'zod';
import { memberProcedure, permittedProcedure, router } from '../trpc.ts';
import {
  createRelationship,
  deleteRelationship,
  getRelationship,
  linkRecords,
  listLinks,
  listRelationships,
  unlinkRecords,
  updateRelationship,
} from './relationships.service.ts';

const reader = permittedProcedure('structure.read');
const manager = permittedProcedure('structure.manage');

export const relationshipsRouter = router({
  list: reader.output(z.array(relationshipOutput)).query(({ ctx }) => listRelationships(ctx)),
  get: reader
    .input(structureIdInput)
    .output(relationshipOutput)
    .query(({ ctx, input }) => getRelationship(ctx, input)),
  create: manager
    .input(createRelationshipInput)
    .output(relationshipOutput)
    .mutation(({ ctx, input }) => createRelationship(ctx, input)),
  update: manager
    .input(updateRelationshipInput)
    .output(relationshipOutput)
    .mutation(({ ctx, input }) => updateRelationship(ctx, input)),
  delete: manager
    .input(structureIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteRelationship(ctx, input)),
  // Who may link records depends on their kinds: the use cases check it.
  link: memberProcedure
    .input(linkInput)
    .output(linkOutput)
    .mutation(({ ctx, input }) => linkRecords(ctx, input)),
  unlink: memberProcedure
    .input(linkInput)
    .output(linkOutput)
    .mutation(({ ctx, input }) => unlinkRecords(ctx, input)),
  links: memberProcedure
    .input(recordInput)
    .output(z.array(linkOutput))
    .query(({ ctx, input }) => listLinks(ctx, input)),
});
