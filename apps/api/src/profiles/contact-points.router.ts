import {
  contactPointIdInput,
  contactPointOutput,
  createContactPointInput,
  profileContactPointsInput,
  updateContactPointInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import {
  createContactPoint,
  deleteContactPoint,
  getContactPoint,
  listContactPoints,
  setPrimaryContactPoint,
  updateContactPoint,
} from './contact-points.service.ts';

const reader = permittedProcedure('profiles.read');
const writer = permittedProcedure('profiles.write');

export const contactPointsRouter = router({
  list: reader
    .input(profileContactPointsInput)
    .output(z.array(contactPointOutput))
    .query(({ ctx, input }) => listContactPoints(ctx, input)),
  get: reader
    .input(contactPointIdInput)
    .output(contactPointOutput)
    .query(({ ctx, input }) => getContactPoint(ctx, input)),
  create: writer
    .input(createContactPointInput)
    .output(contactPointOutput)
    .mutation(({ ctx, input }) => createContactPoint(ctx, input)),
  update: writer
    .input(updateContactPointInput)
    .output(contactPointOutput)
    .mutation(({ ctx, input }) => updateContactPoint(ctx, input)),
  setPrimary: writer
    .input(contactPointIdInput)
    .output(contactPointOutput)
    .mutation(({ ctx, input }) => setPrimaryContactPoint(ctx, input)),
  delete: writer
    .input(contactPointIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteContactPoint(ctx, input)),
});
