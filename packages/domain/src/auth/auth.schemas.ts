import { z } from 'zod';
import { emailSchema, text } from '../shared/text.ts';
import { workspaceSlugSchema } from '../workspaces/workspace.schemas.ts';

export const passwordLengthMin = 10;
export const passwordLengthMax = 1024;

export const signInInput = z.object({
  email: emailSchema,
  password: text('Password', 'Password is required').min(1, 'Password is required').max(passwordLengthMax),
  /** Needed only when the email belongs to members of several workspaces. */
  workspace: workspaceSlugSchema.optional(),
});
export type SignInInput = z.output<typeof signInInput>;

export const newPasswordSchema = text('Password', 'Password is required')
  .min(passwordLengthMin, `Password must be at least ${passwordLengthMin} characters`)
  .max(passwordLengthMax, `Password must be at most ${passwordLengthMax} characters`);
