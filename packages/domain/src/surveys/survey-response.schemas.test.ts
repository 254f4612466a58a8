import { describe, expect, it } from 'vitest';
import { issues, issuePaths } from '../profiles/zod-issues.testing.ts';
import { listSurveyResponsesInput, recordSurveyResponsesInput } from './survey-response.schemas.ts';
import {
  decodeSurveyResponseCursor,
  encodeSurveyResponseCursor,
  refuseEmptyResponses,
} from './survey-response.ts';

const profileId = '0b0e6a4e-8d8a-4a5c-9f11-4a3f2b1c0d02';

function response(index: number) {
  return {
    id: `response-${index}`,
    profileId,
    survey: 'NPS',
    question: 'How likely are you to recommend us?',
    answer: 'Very',
    score: 9,
    respondedAt: '2026-03-01T09:30:00+02:00',
  };
}

describe('survey response batches', () => {
  it('hold one to 500 responses', () => {
    expect(issues(recordSurveyResponsesInput.safeParse({ responses: [] }))).toEqual([
      { path: 'responses', message: 'Send at least one response' },
    ]);
    const full = Array.from({ length: 500 }, (_, index) => response(index));
    expect(recordSurveyResponsesInput.safeParse({ responses: full }).success).toBe(true);
    expect(issues(recordSurveyResponsesInput.safeParse({ responses: [...full, response(500)] }))).toEqual([
      { path: 'responses', message: 'A batch holds at most 500 responses' },
    ]);
  });

  it('take a score, an answer or both, and make what is missing null', () => {
    const { answer: _answer, ...scoreOnly } = response(0);
    const parsed = recordSurveyResponsesInput.parse({
      responses: [scoreOnly, { ...response(1), score: null }, { ...response(2), answer: '  ', score: 0 }],
    });
    expect(parsed.responses.map(({ answer, score }) => ({ answer, score }))).toEqual([
      { answer: null, score: 9 },
      { answer: 'Very', score: null },
      { answer: null, score: 0 },
    ]);
    expect(parsed.responses[0]?.respondedAt).toEqual(new Date('2026-03-01T07:30:00Z'));
    expect(() => refuseEmptyResponses(parsed.responses)).not.toThrow();
    expect(() => refuseEmptyResponses([...parsed.responses, { answer: null, score: null }])).toThrow(
      expect.objectContaining({ code: 'INVALID_FIELD', path: 'responses.3.answer' }),
    );
  });

  it('bound scores from 0 to 100, fractions included', () => {
    for (const score of [0, 4.5, 10, 100]) {
      expect(recordSurveyResponsesInput.safeParse({ responses: [{ ...response(0), score }] }).success).toBe(
        true,
      );
    }
    for (const score of [-1, 100.5, Number.POSITIVE_INFINITY, Number.NaN, '9']) {
      expect(
        issuePaths(recordSurveyResponsesInput.safeParse({ responses: [{ ...response(0), score }] })),
      ).toEqual(['responses.0.score']);
    }
  });

  it('name the field of the response at fault', () => {
    const responses = [0, 1, 2, 3].map(response);
    responses[3] = {
      ...response(3),
      profileId: 'ada',
      survey: ' ',
      question: 'q'.repeat(1001),
      answer: 'a'.repeat(10_001),
      score: 11e3,
      respondedAt: 'yesterday',
    };
    expect(issuePaths(recordSurveyResponsesInput.safeParse({ responses }))).toEqual([
      'responses.3.profileId',
      'responses.3.survey',
      'responses.3.question',
      'responses.3.answer',
      'responses.3.score',
      'responses.3.respondedAt',
    ]);
  });

  it('refuse an id another response of the batch has, and keys they do not know', () => {
    expect(
      issues(recordSurveyResponsesInput.safeParse({ responses: [response(0), response(1), response(0)] })),
    ).toEqual([{ path: 'responses.2.id', message: 'Repeats the id of response 0' }]);
    expect(
      issuePaths(
        recordSurveyResponsesInput.safeParse({ responses: [{ ...response(0), nps: 9 }], source: 'x' }),
      ),
    ).toEqual(['responses.0', '']);
    expect(issuePaths(listSurveyResponsesInput.safeParse({ profileId, organizationId: profileId }))).toEqual([
      '',
    ]);
  });
});

describe('survey response cursors', () => {
  it('give back the position they were made of, and refuse an event cursor', () => {
    const position = { respondedAt: new Date('2026-03-01T07:30:00Z'), id: 'response:1' };
    expect(decodeSurveyResponseCursor(encodeSurveyResponseCursor(position))).toEqual(position);
    expect(() =>
      decodeSurveyResponseCursor(btoa('["occurredAt:desc","2026-01-01T00:00:00.000Z","x"]')),
    ).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR', path: 'cursor' }));
  });
});
