export * from './record-attributes.queries.ts';
