import {
  identifierQueryInput,
  patchSourceRecordByQueryInput,
  patchSourceRecordInput,
  profileSourceRecordsInput,
  removeIdentifierInput,
  sourceRecordIdInput,
  sourceRecordOutput,
  updateSourceRecordInput,
  upsertProfileSourceRecordInput,
  upsertSourceRecordInput,
} from '@tessera/domain';
import { z } from 'zod';
import { permittedProcedure, router } from '../trpc.ts';
import {
  patchSourceRecord,
  patchSourceRecordByQuery,
  removeIdentifier,
  updateSourceRecord,
  upsertProfileSourceRecord,
  upsertSourceRecord,
} from './source-record-writes.ts';
import {
  deleteSourceRecord,
  getSourceRecord,
  getSourceRecordByQuery,
  listSourceRecords,
} from './source-records.service.ts';

const reader = permittedProcedure('sourceRecords.read');
const writer = permittedProcedure('sourceRecords.write');
const upsertedOutput = sourceRecordOutput.extend({ isCreated: z.boolean() });

export const sourceRecordsRouter = router({
  list: reader
    .input(profileSourceRecordsInput)
    .output(z.array(sourceRecordOutput))
    .query(({ ctx, input }) => listSourceRecords(ctx, input)),
  get: reader
    .input(sourceRecordIdInput)
    .output(sourceRecordOutput)
    .query(({ ctx, input }) => getSourceRecord(ctx, input)),
  getByQuery: reader
    .input(identifierQueryInput)
    .output(sourceRecordOutput)
    .query(({ ctx, input }) => getSourceRecordByQuery(ctx, input)),
  upsert: writer
    .input(upsertSourceRecordInput)
    .output(upsertedOutput)
    .mutation(({ ctx, input }) => upsertSourceRecord(ctx, input)),
  upsertForProfile: writer
    .input(upsertProfileSourceRecordInput)
    .output(upsertedOutput)
    .mutation(({ ctx, input }) => upsertProfileSourceRecord(ctx, input)),
  update: writer
    .input(updateSourceRecordInput)
    .output(sourceRecordOutput)
    .mutation(({ ctx, input }) => updateSourceRecord(ctx, input)),
  patch: writer
    .input(patchSourceRecordInput)
    .output(sourceRecordOutput)
    .mutation(({ ctx, input }) => patchSourceRecord(ctx, input)),
  patchByQuery: writer
    .input(patchSourceRecordByQueryInput)
    .output(sourceRecordOutput)
    .mutation(({ ctx, input }) => patchSourceRecordByQuery(ctx, input)),
  removeIdentifier: writer
    .input(removeIdentifierInput)
    .output(sourceRecordOutput)
    .mutation(({ ctx, input }) => removeIdentifier(ctx, input)),
  delete: writer
    .input(sourceRecordIdInput)
    .output(z.object({ id: z.string() }))
    .mutation(({ ctx, input }) => deleteSourceRecord(ctx, input)),
});
