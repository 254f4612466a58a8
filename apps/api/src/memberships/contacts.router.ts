import { createContactInput, createdContactOutput } from '@tessera/domain';
import { permittedProcedure, router } from '../trpc.ts';
import { createContact } from './contacts.service.ts';

/** Mounted beside the organizations' own procedures, as `organizations.createContact`. */
export const contactsRouter = router({
  createContact: permittedProcedure('organizations.write')
    .input(createContactInput)
    .output(createdContactOutput)
    .mutation(({ ctx, input }) => createContact(ctx, input)),
});
