import { seedDocumentOutput, seedImportInput, seedImportOutput } from '@tessera/domain';
import { permittedProcedure, router } from '../trpc.ts';
import { exportSeed, importSeed } from './seeds.service.ts';

const reader = permittedProcedure('structure.read');
const manager = permittedProcedure('structure.manage');

export const seedsRouter = router({
  export: reader.output(seedDocumentOutput).query(({ ctx }) => exportSeed(ctx)),
  import: manager
    .input(seedImportInput)
    .output(seedImportOutput)
    .mutation(({ ctx, input }) => importSeed(ctx, input)),
});
