export * from './relationship.queries.ts';
