export * from './membership.queries.ts';
