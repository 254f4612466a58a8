import { z } from 'zod';

export type NewId = () => string;

export const idSchema = z.uuid({ error: 'Must be a valid id' });

export type WorkspaceId = string;
export type MemberId = string;
