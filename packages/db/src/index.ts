export * from './client.ts';
export * from './schema.ts';
export * from './shared/scope.ts';
export * from './migrations/index.ts';
