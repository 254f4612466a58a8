export * from './workspace-settings.queries.ts';
