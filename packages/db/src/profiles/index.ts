export * from './profile.queries.ts';
export * from './profile-audit.ts';
export type { ProfileFields } from './profile.rows.ts';
export * from './contact-point.queries.ts';
