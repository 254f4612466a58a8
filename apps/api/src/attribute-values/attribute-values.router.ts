import { recordAttributesOutput, recordInput, setAttributeValuesInput } from '@tessera/domain';
import { memberProcedure, router } from '../trpc.ts';
import { getRecordAttributes, setRecordAttributes } from './attribute-values.service.ts';

// Who may read or set a record's values depends on its kind: the use cases check it.
export const attributeValuesRouter = router({
  get: memberProcedure
    .input(recordInput)
    .output(recordAttributesOutput)
    .query(({ ctx, input }) => getRecordAttributes(ctx, input)),
  set: memberProcedure
    .input(setAttributeValuesInput)
    .output(recordAttributesOutput)
    .mutation(({ ctx, input }) => setRecordAttributes(ctx, input)),
});
