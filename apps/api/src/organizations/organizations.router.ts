import {
  createOrganizationInput,
  listOrganizationsInput,
  organizationIdInput,
  organizationOutput,
  organizationPageOutput,
  updateOrganizationInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import {
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  updateOrganization,
} from './organizations.service.ts';

const reader = permittedProcedure('organizations.read');
const writer = permittedProcedure('organizations.write');

export const organizationsRouter = router({
  create: writer
    .input(createOrganizationInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => createOrganization(ctx, input)),
  get: reader
    .input(organizationIdInput)
    .output(organizationOutput)
    .query(({ ctx, input }) => getOrganization(ctx, input)),
  list: reader
    .input(listOrganizationsInput)
    .output(organizationPageOutput)
    .query(({ ctx, input }) => listOrganizations(ctx, input)),
  update: writer
    .input(updateOrganizationInput)
    .output(organizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
  delete: permittedProcedure('organizations.delete')
    .input(organizationIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteOrganization(ctx, input)),
});
