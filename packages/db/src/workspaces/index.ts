export * from './workspace.queries.ts';
