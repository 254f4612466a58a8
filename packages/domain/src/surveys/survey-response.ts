import { DomainError } from '../shared/errors.ts';
import { newestFirstCursor, type TimePosition } from '../shared/time-cursor.ts';

export const surveyLengthMax = 200;
export const questionLengthMax = 1_000;
export const answerLengthMax = 10_000;
/**
 * A score's bounds: every common survey scale fits (NPS 0–10, CSAT 1–5, CES 1–7, percentages);
 * fractions are kept as sent.
 */
export const scoreMin = 0;
export const scoreMax = 100;
/** How many surveys a profile's latest scores name at most, most recently answered first. */
export const latestSurveysMax = 20;

/** A person's answer to one question of a survey (reference 004: the profile header's survey responses). */
export interface SurveyResponse {
  /** The sender's id: sending the response again stores nothing twice. */
  id: string;
  profileId: string;
  survey: string;
  question: string;
  /** Null when the person gave a score only. */
  answer: string | null;
  /** Null when the question takes no score. */
  score: number | null;
  respondedAt: Date;
}

/**
 * Where a survey stands for a profile: the score and time of its latest response that has one,
 * or, when none of its responses has a score, no score and the time of its latest response.
 */
export interface LatestSurveyScore {
  survey: string;
  score: number | null;
  respondedAt: Date;
}

/** Where a page of responses, newest first, ends. */
export type SurveyResponsePosition = TimePosition<'respondedAt'>;

const responseCursor = newestFirstCursor('respondedAt');
export const encodeSurveyResponseCursor = responseCursor.encode;
export const decodeSurveyResponseCursor = responseCursor.decode;

/** Refuses, at its answer, the first response that carries neither an answer nor a score. */
export function refuseEmptyResponses(responses: readonly Pick<SurveyResponse, 'answer' | 'score'>[]): void {
  const index = responses.findIndex((response) => response.answer === null && response.score === null);
  if (index === -1) return;
  throw new DomainError('INVALID_FIELD', 'Give an answer, a score or both', {
    path: `responses.${index}.answer`,
  });
}
