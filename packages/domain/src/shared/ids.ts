import { z } from 'zod';

export type NewId = () => string;

export const idSchema = z.uuid({ error: 'Must be a valid id' });

export type WorkspaceId = string;
export type MemberId = string;

/** A ULID: 26 characters of Crockford's base32 that sort by the time they were made. Read in any case. */
export const sortableIdSchema = z
  .string({ error: 'Must be a valid id' })
  .regex(/^[0-7][0-9A-HJKMNP-TV-Za-hjkmnp-tv-z]{25}$/, 'Must be a valid id')
  .transform((id) => id.toUpperCase());
