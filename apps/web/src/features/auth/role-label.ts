import type { Role } from '@tessera/domain';

const labels = {
  master: 'Master',
  super_admin: 'Super admin',
  admin: 'Admin',
  agent: 'Agent',
  viewer: 'Viewer',
} as const satisfies Record<Role, string>;

export function roleLabel(role: Role): string {
  return labels[role];
}
