import { parseArgs } from 'node:util';
import { createDb, migrateToLatest } from '@tessera/db';
import { findMemberByEmail } from '@tessera/db/members';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import {
  emailSchema,
  isDomainError,
  newPasswordSchema,
  requiredText,
  roleSchema,
  slugify,
  workspaceNameSchema,
  workspaceSlugSchema,
} from '@tessera/domain';
import { z } from 'zod';
import type { AppDeps } from './context.ts';
import { createDeps } from './deps.ts';
import { readEnv } from './env.ts';
import { createTokenByOperator } from './tokens/tokens.service.ts';
import { createWorkspace } from './workspaces/workspaces.service.ts';

const usage = `Usage: npm run -s tessera -- <command> [options]

Commands:
  migrate                 apply the database migrations
  create-workspace        create a workspace, its first member and (with --token) an API token
      --name <name>         workspace name (required)
      --slug <slug>         workspace slug (default: made from the name)
      --email <email>       the member's email (required)
      --member-name <name>  the member's name (default: the email)
      --password <pw>       the member's console password (default: none, API tokens only)
      --role <role>         master | super_admin | admin | agent | viewer (default: master)
      --token <name>        also create an API token with this name
  create-token            create an API token for a member
      --workspace <slug>    (required)
      --email <email>       the member (required)
      --name <name>         the token's name (required)

The database is the one the server uses: DATABASE_URL, or the embedded one in TESSERA_DATA_DIR,
which one process at a time may open: stop the server before running a command on it.
Results are printed as JSON; an API token is printed once and never again.`;

const createWorkspaceArgs = z.object({
  name: workspaceNameSchema,
  slug: workspaceSlugSchema.optional(),
  email: emailSchema,
  'member-name': requiredText('Member name').optional(),
  password: newPasswordSchema.optional(),
  role: roleSchema.default('master'),
  token: requiredText('Token name', 100).optional(),
});

const createTokenArgs = z.object({
  workspace: workspaceSlugSchema,
  email: emailSchema,
  name: requiredText('Token name', 100),
});

class CommandLineError extends Error {}

/** Refuses the command with a message for the operator; the command exits with 2. */
function fail(message: string): never {
  throw new CommandLineError(message);
}

function parseOptions<T extends z.ZodType>(schema: T, values: Record<string, unknown>): z.output<T> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  }
  return parsed.data;
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    slug: { type: 'string' },
    email: { type: 'string' },
    'member-name': { type: 'string' },
    password: { type: 'string' },
    role: { type: 'string' },
    token: { type: 'string' },
    workspace: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const command = positionals[0];
if (values.help || !command) {
  process.stdout.write(`${usage}\n`);
  process.exit(command || values.help ? 0 : 2);
}

type Command = (deps: AppDeps) => Promise<unknown>;

/** Checks the command and its options before the database is opened. */
function parseCommand(): Command {
  switch (command) {
    case 'migrate':
      return () => Promise.resolve({ migrated: true });
    case 'create-workspace': {
      const args = parseOptions(createWorkspaceArgs, values);
      return async (deps) => {
        const created = await createWorkspace(deps, {
          name: args.name,
          slug: args.slug ?? slugify(args.name),
          owner: {
            email: args.email,
            name: args['member-name'] ?? args.email,
            role: args.role,
            password: args.password ?? null,
          },
          tokenName: args.token,
        });
        return {
          workspace: { id: created.workspace.id, slug: created.workspace.slug, name: created.workspace.name },
          member: { id: created.owner.id, email: created.owner.email, role: created.owner.role },
          token: created.token?.secret ?? null,
        };
      };
    }
    case 'create-token': {
      const args = parseOptions(createTokenArgs, values);
      return async (deps) => {
        const workspace = await findWorkspaceBySlug(deps.db, args.workspace);
        if (!workspace) fail(`--workspace: no workspace has the slug ${args.workspace}`);
        const member = await findMemberByEmail(deps.db, workspace.id, args.email);
        if (!member) fail(`--email: no member of ${args.workspace} has the email ${args.email}`);
        const issued = await createTokenByOperator(
          deps,
          { workspaceId: workspace.id, memberId: member.id },
          args.name,
        );
        return { id: issued.token.id, name: issued.token.name, token: issued.secret };
      };
    }
    default:
      fail(`Unknown command ${command}\n\n${usage}`);
  }
}

async function run(): Promise<unknown> {
  const execute = parseCommand();
  const env = readEnv();
  const database = createDb({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await migrateToLatest(database.db);
    return await execute(createDeps(database.db));
  } finally {
    await database.close();
  }
}

try {
  process.stdout.write(`${JSON.stringify(await run(), null, 2)}\n`);
} catch (error) {
  const message =
    isDomainError(error) && error.path
      ? `--${error.path}: ${error.message}`
      : error instanceof Error
        ? error.message
        : String(error);
  process.stderr.write(`${message}\n`);
  process.exitCode = error instanceof CommandLineError || isDomainError(error) ? 2 : 1;
}
