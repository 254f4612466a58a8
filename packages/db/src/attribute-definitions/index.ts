export * from './attribute-definition.queries.ts';
