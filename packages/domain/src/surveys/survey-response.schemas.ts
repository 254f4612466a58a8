import { z } from 'zod';
import { batchIdSchema, batchOf, instantSchema } from '../shared/batch.schemas.ts';
import { idSchema } from '../shared/ids.ts';
import { pageInput } from '../shared/pagination.ts';
import { optionalText, requiredText } from '../shared/text.ts';
import {
  answerLengthMax,
  questionLengthMax,
  scoreMax,
  scoreMin,
  surveyLengthMax,
} from './survey-response.ts';

const scoreError = `Score must be a number from ${scoreMin} to ${scoreMax}`;

export const surveyResponseInput = z.strictObject({
  id: batchIdSchema('Response id'),
  profileId: idSchema,
  survey: requiredText('Survey', surveyLengthMax),
  question: requiredText('Question', questionLengthMax),
  answer: optionalText('Answer', answerLengthMax)
    .optional()
    .transform((answer) => answer ?? null),
  score: z
    .number({ error: scoreError })
    .min(scoreMin, scoreError)
    .max(scoreMax, scoreError)
    .nullish()
    .transform((score) => score ?? null),
  respondedAt: instantSchema('respondedAt'),
});
export type SurveyResponseInput = z.output<typeof surveyResponseInput>;

/** At most 500 responses, each id once, as usage events are sent. */
export const recordSurveyResponsesInput = batchOf('responses', 'response', surveyResponseInput);
export type RecordSurveyResponsesInput = z.output<typeof recordSurveyResponsesInput>;

/** A page of a profile's responses, newest first. */
export const listSurveyResponsesInput = z.strictObject({ ...pageInput.shape, profileId: idSchema });
export type ListSurveyResponsesInput = z.output<typeof listSurveyResponsesInput>;

export const latestSurveyScoresInput = z.strictObject({ profileId: idSchema });
export type LatestSurveyScoresInput = z.output<typeof latestSurveyScoresInput>;

/** What may leave the server of a survey response. */
export const surveyResponseOutput = z.object({
  id: z.string(),
  profileId: z.string(),
  survey: z.string(),
  question: z.string(),
  answer: z.string().nullable(),
  score: z.number().nullable(),
  respondedAt: z.date(),
});
export type SurveyResponseView = z.output<typeof surveyResponseOutput>;

export const surveyResponsePageOutput = z.object({
  items: z.array(surveyResponseOutput),
  nextCursor: z.string().nullable(),
});

export const latestSurveyScoresOutput = z.object({
  items: z.array(z.object({ survey: z.string(), score: z.number().nullable(), respondedAt: z.date() })),
});
