export * from './member.queries.ts';
export * from './member-scope.queries.ts';
