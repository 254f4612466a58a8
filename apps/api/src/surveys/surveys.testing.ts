import { minutesAgo } from '../activity/activity.testing.ts';

/** Test helpers: an NPS response of the profile with this score, dated `minutes` before now. */
export function surveyResponse(id: string, profileId: string, minutes = 10, score: number | null = 9) {
  return {
    id,
    profileId,
    survey: 'NPS',
    question: 'How likely are you to recommend us to a friend?',
    answer: score === null ? 'Helpful people' : null,
    score,
    respondedAt: minutesAgo(minutes),
  };
}
