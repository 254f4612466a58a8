import { updateWorkspaceSettingsInput, workspaceSettingsOutput } from '@tessera/domain';
import { permittedProcedure, router } from '../trpc.ts';
import { getWorkspaceSettings, updateWorkspaceSettings } from './workspace-settings.service.ts';

export const workspaceSettingsRouter = router({
  get: permittedProcedure('settings.read')
    .output(workspaceSettingsOutput)
    .query(({ ctx }) => getWorkspaceSettings(ctx)),
  update: permittedProcedure('settings.manage')
    .input(updateWorkspaceSettingsInput)
    .output(workspaceSettingsOutput)
    .mutation(({ ctx, input }) => updateWorkspaceSettings(ctx, input)),
});
