import { workspaceScope } from '@tessera/db';
import { findProfilePage } from '@tessera/db/profiles';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { demoSignIn, seedDemo } from './demo-data.ts';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe('seedDemo', () => {
  it('creates the demo workspace with its profiles once, and then finds it present', async () => {
    expect(await seedDemo(app.deps)).toBe('created');
    expect(await seedDemo(app.deps)).toBe('present');
    const workspace = await findWorkspaceBySlug(app.database.db, demoSignIn.workspace);
    if (!workspace) throw new Error('no demo workspace');
    const page = await findProfilePage(app.database.db, workspaceScope(workspace.id), {
      sortBy: 'createdAt',
      sortOrder: 'desc',
      filter: {},
      limit: 100,
      offset: 0,
      after: undefined,
    });
    expect(page).toHaveLength(60);
  });
});
