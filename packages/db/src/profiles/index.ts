export * from './profile.queries.ts';
export * from './profile-audit.ts';
