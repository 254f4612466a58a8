import { z } from 'zod';
import { newPasswordSchema } from '../auth/auth.schemas.ts';
import { idSchema } from '../shared/ids.ts';
import { emailSchema, requiredText } from '../shared/text.ts';
import { roleSchema } from './role.ts';

export const createMemberInput = z.strictObject({
  email: emailSchema,
  name: requiredText('Name'),
  role: roleSchema,
  /** The console password; null for a member who acts only through API tokens. */
  password: newPasswordSchema.nullable().default(null),
});
export type CreateMemberInput = z.output<typeof createMemberInput>;

export const updateMemberRoleInput = z.strictObject({ id: idSchema, role: roleSchema });
export type UpdateMemberRoleInput = z.output<typeof updateMemberRoleInput>;

export const memberIdInput = z.strictObject({ id: idSchema });
export type MemberIdInput = z.output<typeof memberIdInput>;

/** What may leave the server of a member: never its password, only whether it has one. */
export const memberOutput = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  hasPassword: z.boolean(),
  liveTokenCount: z.number().int(),
  createdAt: z.date(),
});
