import { findWorkspaceBySlug, insertProfile } from '@tessera/db';
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

/** Creates the demo workspace, its member and a few dozen profiles, if the database has no demo workspace yet. */
export async function seedDemo(deps: AppDeps): Promise<boolean> {
  if (await findWorkspaceBySlug(deps.db, demoSignIn.workspace)) return false;
  const { workspace } = await createWorkspace(deps, {
    name: 'Demo',
    slug: demoSignIn.workspace,
    owner: { email: demoSignIn.email, name: 'Demo Owner', role: 'master', password: demoSignIn.password },
  });
  const start = deps.clock.now().getTime() - 60 * 24 * 60 * 60 * 1000;
  await deps.db.transaction().execute(async (trx) => {
    for (let index = 0; index < 60; index++) {
      const firstName = firstNames[index % firstNames.length] ?? 'Ada';
      const lastName = lastNames[(index * 5) % lastNames.length] ?? 'Lovelace';
      await insertProfile(trx, workspace.id, {
        id: deps.newId(),
        firstName,
        middleName: middleNames[index % middleNames.length] ?? null,
        lastName,
        email: `${firstName}.${lastName}.${index}@example.com`.toLowerCase(),
        now: new Date(start + index * 24 * 60 * 60 * 1000),
      });
    }
  });
  return true;
}
