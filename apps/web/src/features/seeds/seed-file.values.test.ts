import { describe, expect, it } from 'vitest';
import { readSeedText, seedFileName, seedFileText } from './seed-file.values.ts';

const example = [
  {
    object_type: 'workflows',
    data: {
      slug: 'onboarding',
      name: 'Onboarding',
      object_type: 'contacts',
      stages: [{ slug: 'new', name: 'New' }],
    },
  },
];

describe('reading a seed file', () => {
  it('takes a document as it was written', () => {
    expect(readSeedText(JSON.stringify(example))).toEqual({ document: example });
  });

  it('asks for a file when there is nothing to read', () => {
    expect(readSeedText('  \n')).toEqual({
      issues: [{ path: '', message: 'Choose a seed file or paste its JSON first.' }],
    });
  });

  it('says when the text is not JSON', () => {
    const read = readSeedText('[{"object_type": ');
    expect(read).toEqual({
      issues: [{ path: '', message: expect.stringMatching(/^This is not JSON: /) as string }],
    });
  });

  it('names each bad entry at its place in the document, as the server does', () => {
    const bad = [
      ...example,
      {
        object_type: 'attributes',
        data: { slug: 'Age', label: 'Age', object_type: 'contacts', data_type: 'text' },
      },
    ];
    expect(readSeedText(JSON.stringify(bad))).toEqual({
      issues: [
        {
          path: 'document.1.data.slug',
          message: expect.stringMatching(/^entry 1: Slug must be lower snake case/) as string,
        },
      ],
    });
    expect(readSeedText('{"object_type": "profiles"}')).toEqual({
      issues: [
        { path: 'document', message: expect.stringMatching(/^A seed document must be a list/) as string },
      ],
    });
  });
});

describe('an exported seed file', () => {
  it('is named after the workspace and holds indented JSON that reads back', () => {
    expect(seedFileName('acme')).toBe('seed-acme.json');
    const text = seedFileText(example);
    expect(text).toMatch(/^\[\n {2}\{\n {4}"object_type": "workflows"/);
    expect(readSeedText(text)).toEqual({ document: example });
  });
});
