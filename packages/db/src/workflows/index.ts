export * from './workflow.queries.ts';
