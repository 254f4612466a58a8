import {
  createMemberInput,
  memberIdInput,
  memberOrganizationScopeInput,
  memberOutput,
  organizationScopeOutput,
  setOrganizationScopeInput,
  updateMemberRoleInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import { getOrganizationScope, setOrganizationScope } from './member-scope.service.ts';
import { changeMemberRole, createMember, listMembers, removeMember } from './members.service.ts';

const reader = permittedProcedure('members.read');
const manager = permittedProcedure('members.manage');
const scopeManager = permittedProcedure('members.setOrganizationScope');

export const membersRouter = router({
  list: reader.output(z.array(memberOutput)).query(({ ctx }) => listMembers(ctx)),
  create: manager
    .input(createMemberInput)
    .output(memberOutput)
    .mutation(({ ctx, input }) => createMember(ctx, input)),
  updateRole: manager
    .input(updateMemberRoleInput)
    .output(memberOutput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx, input)),
  remove: manager
    .input(memberIdInput)
    .output(memberOutput)
    .mutation(({ ctx, input }) => removeMember(ctx, input)),
  organizationScope: scopeManager
    .input(memberOrganizationScopeInput)
    .output(organizationScopeOutput)
    .query(({ ctx, input }) => getOrganizationScope(ctx, input)),
  setOrganizationScope: scopeManager
    .input(setOrganizationScopeInput)
    .output(organizationScopeOutput)
    .mutation(({ ctx, input }) => setOrganizationScope(ctx, input)),
});
