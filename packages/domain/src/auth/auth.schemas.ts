import { z } from 'zod';
import { emailSchema, text } from '../shared/text.ts';
import { roleSchema } from '../members/role.ts';
import { workspaceSlugSchema } from '../workspaces/workspace.schemas.ts';

export const passwordLengthMin = 10;
export const passwordLengthMax = 1024;

export const signInInput = z.strictObject({
  email: emailSchema,
  password: text('Password', 'Password is required').min(1, 'Password is required').max(passwordLengthMax),
  /** Needed only when the email belongs to members of several workspaces. */
  workspace: workspaceSlugSchema.optional(),
});
export type SignInInput = z.output<typeof signInInput>;

export const newPasswordSchema = text('Password', 'Password is required')
  .min(passwordLengthMin, `Password must be at least ${passwordLengthMin} characters`)
  .max(passwordLengthMax, `Password must be at most ${passwordLengthMax} characters`);

/** Who a request acts as, as the console and clients see it. */
export const meOutput = z.object({
  member: z.object({ id: z.string(), email: z.string(), name: z.string(), role: roleSchema }),
  workspace: z.object({ id: z.string(), slug: z.string(), name: z.string() }),
  via: z.enum(['session', 'token']),
  /** The organizations the member is limited to seeing; null when it sees every one. */
  organizationIds: z.array(z.string()).nullable(),
});
export type Me = z.output<typeof meOutput>;
