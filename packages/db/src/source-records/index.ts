export * from './source-record.queries.ts';
export * from './identity.queries.ts';
