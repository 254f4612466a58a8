export * from './survey-response.queries.ts';
