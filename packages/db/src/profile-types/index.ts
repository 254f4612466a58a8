export * from './profile-type.queries.ts';
export * from './record-attributes.queries.ts';
export { recordExists } from '../shared/records.ts';
