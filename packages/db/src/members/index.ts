export * from './member.queries.ts';
