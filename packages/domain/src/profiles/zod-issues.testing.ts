/** Test helpers: the issues of a zod `safeParse` result as `path: message` pairs, or their paths alone. */
interface ParseResult {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}

export function issues(result: ParseResult): { path: string; message: string }[] {
  return result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) ?? [];
}

export function issuePaths(result: ParseResult): string[] {
  return issues(result).map((issue) => issue.path);
}
