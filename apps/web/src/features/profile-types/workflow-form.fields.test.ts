import { createWorkflowInput, updateWorkflowInput } from '@tessera/domain';
import { describe, expect, it } from 'vitest';
import { schemaIssues, splitIssues } from '../../lib/field-errors.ts';
import {
  createWorkflowInputOf,
  emptyWorkflowValues,
  newStage,
  renamedStage,
  updateWorkflowInputOf,
  workflowFieldNames,
  workflowValuesOf,
} from './workflow-form.fields.ts';

const id = '0b6f3c1e-2d4a-4e8b-9c7d-1a2b3c4d5e6f';
const onboarding = {
  id,
  objectKind: 'contacts' as const,
  slug: 'onboarding',
  name: 'Onboarding',
  description: null,
  stages: [
    { id: 'a', slug: 'welcome', name: 'Welcome' },
    { id: 'b', slug: 'active', name: 'Active' },
  ],
  createdAt: new Date(),
  updatedAt: new Date(),
};

describe('renamedStage', () => {
  it('lets a new stage’s slug follow its name, and keeps the slug of one that exists', () => {
    expect(renamedStage(newStage, 'First call')).toEqual({
      name: 'First call',
      slug: 'first-call',
      isSlugSuggested: true,
    });
    const [welcome] = workflowValuesOf(onboarding).stages;
    expect(welcome && renamedStage(welcome, 'Greeted')).toEqual({
      name: 'Greeted',
      slug: 'welcome',
      isSlugSuggested: false,
    });
  });
});

describe('workflow inputs', () => {
  it('give back the workflow the form was filled from, its stages in order', () => {
    expect(updateWorkflowInput.parse(updateWorkflowInputOf(id, workflowValuesOf(onboarding)))).toEqual({
      id,
      slug: 'onboarding',
      name: 'Onboarding',
      description: null,
      stages: [
        { slug: 'welcome', name: 'Welcome' },
        { slug: 'active', name: 'Active' },
      ],
    });
  });

  it('report every issue of a new workflow at a field of the form', () => {
    const values = {
      ...emptyWorkflowValues('users'),
      slug: 'Bad Slug',
      stages: [
        { name: 'One', slug: 'one', isSlugSuggested: false },
        { name: '', slug: 'one', isSlugSuggested: false },
      ],
    };
    const { error } = createWorkflowInput.safeParse(createWorkflowInputOf(values));
    const split = error && splitIssues(schemaIssues(error), workflowFieldNames(values));
    expect(split).toEqual({
      fields: {
        slug: 'Slug must be lower-case letters and digits, in words joined by - or _',
        name: 'Name is required',
        'stages.1.name': 'Stage name is required',
        'stages.1.slug': 'Each stage has a slug of its own',
      },
      form: null,
    });
  });
});
