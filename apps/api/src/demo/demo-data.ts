import { insertProfile } from '@tessera/db/profiles';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import { isDomainError } from '@tessera/domain';
import type { AppDeps } from '../context.ts';
import { createWorkspace } from '../workspaces/workspaces.service.ts';

export const demoSignIn = { workspace: 'demo', email: 'demo@tessera.dev', password: 'tessera-demo' } as const;

const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Dennis',
  'Barbara',
  'Ken',
  'Radia',
  'Edsger',
  'Frances',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Ritchie',
  'Liskov',
  'Thompson',
  'Perlman',
  'Dijkstra',
  'Allen',
];
const middleNames = [null, 'Marie', null, 'Lee', null, null, 'Jo'];

/**
 * Creates the demo workspace, its member and a few dozen profiles, unless it exists already;
 * says which.
 */
export async function seedDemo(deps: AppDeps): Promise<'created' | 'present'> {
  if (await findWorkspaceBySlug(deps.db, demoSignIn.workspace)) return 'present';
  const start = deps.clock.now().getTime() - 60 * 24 * 60 * 60 * 1000;
  const owner = {
    email: demoSignIn.email,
    name: 'Demo Owner',
    role: 'master',
    password: demoSignIn.password,
  } as const;
  try {
    await createWorkspace(
      deps,
      { name: 'Demo', slug: demoSignIn.workspace, owner },
      async (trx, workspace) => {
        for (let index = 0; index < 60; index++) {
          const firstName = firstNames[index % firstNames.length] ?? 'Ada';
          const lastName = lastNames[(index * 5) % lastNames.length] ?? 'Lovelace';
          await insertProfile(
            trx,
            { workspaceId: workspace.id },
            {
              id: deps.newId(),
              firstName,
              middleName: middleNames[index % middleNames.length] ?? null,
              lastName,
              email: `${firstName}.${lastName}.${index}@example.com`.toLowerCase(),
              now: new Date(start + index * 24 * 60 * 60 * 1000),
            },
          );
        }
      },
    );
    return 'created';
  } catch (error) {
    // Another instance starting at the same moment made it first.
    if (isDomainError(error) && error.code === 'WORKSPACE_SLUG_TAKEN') return 'present';
    throw error;
  }
}
