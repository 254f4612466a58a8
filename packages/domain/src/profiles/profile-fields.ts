import { z } from 'zod';
import { optionalText, requiredText, text } from '../shared/text.ts';

/** 001: gender, where null means "not given". */
export const genders = ['female', 'male', 'withheld', 'other'] as const;
export type Gender = (typeof genders)[number];
export const genderSchema = z
  .enum(genders, { error: 'Gender must be female, male, withheld or other' })
  .nullable();

/** 001: profile_type. */
export const lifecycles = ['temporary', 'pending', 'active', 'deleted'] as const;
export type Lifecycle = (typeof lifecycles)[number];
export const lifecycleSchema = z.enum(lifecycles, {
  error: 'Lifecycle must be temporary, pending, active or deleted',
});

export const tagLengthMax = 100;
export const tagsMax = 100;

/** Tags that differ only in letter case are one tag; the first spelling stays. */
function withoutRepeats(tags: string[]): string[] {
  const byKey = new Map<string, string>();
  for (const tag of tags) {
    const key = tag.normalize('NFC').toLowerCase();
    if (!byKey.has(key)) byKey.set(key, tag);
  }
  return [...byKey.values()];
}

/** 002: tags. Each trimmed and not blank; repeats dropped before counting. */
export const tagsSchema = z
  .array(requiredText('Tag', tagLengthMax), { error: 'Tags must be a list of text' })
  .transform(withoutRepeats)
  .pipe(z.array(z.string()).max(tagsMax, `A profile can have at most ${tagsMax} tags`));

export const avatarUrlLengthMax = 2048;

/** 001: avatar_url. An http or https address; blank becomes null. */
export const avatarUrlSchema = text('Avatar URL')
  .trim()
  .max(avatarUrlLengthMax, `Avatar URL must be at most ${avatarUrlLengthMax} characters`)
  .transform((value) => (value === '' ? null : value))
  .pipe(z.httpUrl('Avatar URL must be an http or https address, like https://example.com/me.png').nullable())
  .nullable();

/** 002: uuid, the record's id in an integration. Blank becomes null. */
export const integrationUuidSchema = optionalText('Integration id', 255);

export const titleSchema = optionalText('Title', 255);
export const companySchema = optionalText('Company', 255);
export const occupationSchema = optionalText('Occupation', 255);
