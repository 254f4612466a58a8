export * from './token.queries.ts';
