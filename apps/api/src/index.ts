export type { AppRouter } from './router.ts';
export type { ErrorData, FieldIssue } from './trpc.ts';
