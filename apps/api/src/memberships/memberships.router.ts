import {
  createMembershipInput,
  listMembershipsInput,
  membershipKeyInput,
  membershipOutput,
  membershipPageOutput,
  updateMembershipInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import {
  createMembership,
  deleteMembership,
  listMemberships,
  updateMembership,
} from './memberships.service.ts';

const reader = permittedProcedure('organizations.read');
const writer = permittedProcedure('organizations.write');

export const membershipsRouter = router({
  create: writer
    .input(createMembershipInput)
    .output(membershipOutput)
    .mutation(({ ctx, input }) => createMembership(ctx, input)),
  update: writer
    .input(updateMembershipInput)
    .output(membershipOutput)
    .mutation(({ ctx, input }) => updateMembership(ctx, input)),
  delete: writer
    .input(membershipKeyInput)
    .output(z.object({ organizationId: z.string(), profileId: z.string() }))
    .mutation(({ ctx, input }) => deleteMembership(ctx, input)),
  list: reader
    .input(listMembershipsInput)
    .output(membershipPageOutput)
    .query(({ ctx, input }) => listMemberships(ctx, input)),
});
