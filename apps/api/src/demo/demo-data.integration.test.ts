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
    expect(
      await findProfilePage(app.database.db, { workspaceId: workspace.id }, { limit: 100, after: undefined }),
    ).toHaveLength(60);
  });
});
