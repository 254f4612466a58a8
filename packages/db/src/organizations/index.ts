export * from './organization.queries.ts';
