import {
  ingestOutput,
  latestSurveyScoresInput,
  latestSurveyScoresOutput,
  listSurveyResponsesInput,
  recordSurveyResponsesInput,
  surveyResponsePageOutput,
} from '@tessera/domain';
import { permittedProcedure, router } from '../trpc.ts';
import { latestSurveyScores, listSurveyResponses, recordSurveyResponses } from './surveys.service.ts';

// Survey responses are recorded and read as the rest of a profile's activity is.
const reader = permittedProcedure('activity.read');

export const surveysRouter = router({
  record: permittedProcedure('activity.write')
    .input(recordSurveyResponsesInput)
    .output(ingestOutput)
    .mutation(({ ctx, input }) => recordSurveyResponses(ctx, input)),
  list: reader
    .input(listSurveyResponsesInput)
    .output(surveyResponsePageOutput)
    .query(({ ctx, input }) => listSurveyResponses(ctx, input)),
  latest: reader
    .input(latestSurveyScoresInput)
    .output(latestSurveyScoresOutput)
    .query(({ ctx, input }) => latestSurveyScores(ctx, input)),
});
