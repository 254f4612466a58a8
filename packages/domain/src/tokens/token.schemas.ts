import { z } from 'zod';
import { idSchema } from '../shared/ids.ts';
import { requiredText } from '../shared/text.ts';

/** Every API token starts with this, so leaked tokens are easy to recognise and scan for. */
export const apiTokenPrefix = 'tsr_';

export const createTokenInput = z.object({ name: requiredText('Name', 100) });
export type CreateTokenInput = z.output<typeof createTokenInput>;

export const tokenIdInput = z.object({ id: idSchema });
export type TokenIdInput = z.output<typeof tokenIdInput>;
