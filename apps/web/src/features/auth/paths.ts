export const signInPath = '/sign-in';
export const homePath = '/profiles';

/** What the sign-in page is told by whoever sent a visitor there. */
export interface SignInState {
  /** Where to go back to once signed in */
  from?: string;
}

/** Where to go after signing in: back where the visitor was headed, or the profiles list. */
export function afterSignInPath(state: unknown): string {
  const from = (state as SignInState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== signInPath
    ? from
    : homePath;
}
