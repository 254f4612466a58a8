import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { requiredText } from '../shared/text.ts';

/** Every API token starts with this, so leaked tokens are easy to recognise and scan for. */
export const apiTokenPrefix = 'tsr_';

export const createTokenInput = z.strictObject({
  name: requiredText('Name', 100),
  /** A read-only token is refused every write, whatever its member's role. */
  readOnly: z.boolean().default(false),
});
export type CreateTokenInput = z.output<typeof createTokenInput>;

export const tokenIdInput = z.strictObject({ id: idSchema });
export type TokenIdInput = z.output<typeof tokenIdInput>;

/** What may leave the server of a token. */
export const tokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  memberId: z.string(),
  memberEmail: z.string(),
  lastFour: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  readOnly: z.boolean(),
});

/** A token just issued, with its secret: the only time the secret is shown. */
export const issuedTokenOutput = z.object({ token: tokenOutput, secret: z.string() });
