export * from './usage-event.queries.ts';
export * from './campaign-event.queries.ts';
export * from './profile-scope.queries.ts';
export * from './usage-summary.queries.ts';
