export * from './organization.queries.ts';
export * from './membership.queries.ts';
