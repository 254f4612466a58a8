import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { slugify, workspaceSlugSchema } from './workspace.schemas.ts';

describe('slugify', () => {
  it('makes a lower-case, hyphenated slug from a name', () => {
    expect(slugify('Acme Corp.')).toBe('acme-corp');
    expect(slugify('  Café Société  ')).toBe('cafe-societe');
  });

  it('always yields a valid workspace slug', () => {
    fc.assert(
      fc.property(fc.string(), (name) => {
        expect(workspaceSlugSchema.safeParse(slugify(name)).success).toBe(true);
      }),
    );
  });
});
