export * from './audit.queries.ts';
