export * from './profile-type.queries.ts';
export { recordExists } from '../shared/records.ts';
