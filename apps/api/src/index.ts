export type { AppRouter } from './router.ts';
export type { ErrorData } from './trpc.ts';
export type { FieldIssue } from './field-issues.ts';
