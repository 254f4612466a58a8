import { createHash, randomBytes } from 'node:crypto';
import { hash, verify, type Options as ArgonOptions } from '@node-rs/argon2';
import type { WorkspaceId } from '@tessera/domain';

/**
 * A new secret for a session or an API token: `<prefix><workspace>.<256 random bits>`, both parts
 * base64url. The workspace part lets a presented secret be looked up within its own workspace, so
 * the lookup is routed to one shard when workspaces are distributed; it is not secret.
 */
export function newSecret(workspaceId: WorkspaceId, prefix = ''): string {
  const workspacePart = Buffer.from(workspaceId.replaceAll('-', ''), 'hex').toString('base64url');
  return `${prefix}${workspacePart}.${randomBytes(32).toString('base64url')}`;
}

const secretShape = /^([\w-]{22})\.[\w-]{43}$/;

/** The workspace a presented secret names, or undefined when it is not a secret of this shape. */
export function workspaceOfSecret(presented: string, prefix = ''): WorkspaceId | undefined {
  if (!presented.startsWith(prefix)) return undefined;
  const workspacePart = secretShape.exec(presented.slice(prefix.length))?.[1];
  if (workspacePart === undefined) return undefined;
  const hex = Buffer.from(workspacePart, 'base64url').toString('hex');
  if (hex.length !== 32) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Session and token secrets are stored only as this hash; they have too much entropy to need a slow one. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Hashes and checks members' passwords. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether the password is the one hashed; with no hash, it checks a decoy, to take as long. */
  verify(passwordHash: string | null, password: string): Promise<boolean>;
}

/**
 * Argon2id, by default with the library's parameters (19 MiB, 2 passes), as OWASP recommends.
 * A hash carries its parameters, so it verifies whatever parameters later hashes are made with.
 */
export function createPasswordHasher(options: ArgonOptions = {}): PasswordHasher {
  // Verifying against this when no member matches keeps the answer's timing the same either way;
  // it is made now, so that not even the first sign-in with an unknown email takes longer.
  const decoyHash = hash('decoy password for unknown emails', options);
  return {
    hash: (password) => hash(password, options),
    async verify(passwordHash, password) {
      if (passwordHash === null) {
        await verify(await decoyHash, password);
        return false;
      }
      return verify(passwordHash, password);
    },
  };
}
