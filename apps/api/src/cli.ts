import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createDb, migrateToLatest, workspaceScope } from '@tessera/db';
import { findMemberByEmail } from '@tessera/db/members';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import {
  emailSchema,
  isDomainError,
  newPasswordSchema,
  requiredText,
  roleSchema,
  seedDocumentSchema,
  slugify,
  workspaceNameSchema,
  workspaceSlugSchema,
} from '@tessera/domain';
import { z } from 'zod';
import type { AppDeps } from './context.ts';
import { createDeps } from './deps.ts';
import { readEnv } from './env.ts';
import { exportSeed, importSeedByOperator } from './seeds/seeds.service.ts';
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
  seed export             print the workspace's profile types, attributes and workflows as JSON
      --workspace <slug>    (required)
  seed import <file>      create and update what a seed document defines, by slug, all or nothing;
                          prints {"created": [...], "updated": [...], "unchanged": [...]}
      --workspace <slug>    (required)
      --dry-run             print what the import would do, and change nothing

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

const seedArgs = z.object({
  workspace: workspaceSlugSchema,
  'dry-run': z.boolean().default(false),
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
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});

const command = positionals[0];
if (values.help || !command) {
  process.stdout.write(`${usage}\n`);
  process.exit(command || values.help ? 0 : 2);
}

type Command = (deps: AppDeps) => Promise<unknown>;

/** The seed document in a file, checked whole: each refusal names its entry (`document.3.data.slug: entry 3: …`). */
function readSeedDocument(file: string | undefined) {
  if (file === undefined) fail(`seed import: name the seed file to import\n\n${usage}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`${file}: cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    fail(`${file}: is not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = seedDocumentSchema.safeParse(json);
  if (!parsed.success) {
    fail(
      parsed.error.issues
        .map((issue) => `${['document', ...issue.path].join('.')}: ${issue.message}`)
        .join('\n'),
    );
  }
  return parsed.data;
}

async function seedScope(deps: AppDeps, slug: string) {
  const workspace = await findWorkspaceBySlug(deps.db, slug);
  if (!workspace) fail(`--workspace: no workspace has the slug ${slug}`);
  return workspaceScope(workspace.id);
}

function parseSeedCommand(): Command {
  const [, action, file] = positionals;
  const args = parseOptions(seedArgs, values);
  if (action === 'export') {
    return async (deps) => exportSeed({ db: deps.db, scope: await seedScope(deps, args.workspace) });
  }
  if (action !== 'import') fail(`seed: export or import, not ${action ?? 'nothing'}\n\n${usage}`);
  const document = readSeedDocument(file);
  return async (deps) => {
    const scope = await seedScope(deps, args.workspace);
    try {
      return await importSeedByOperator(deps, scope, { document, dryRun: args['dry-run'] });
    } catch (error) {
      // A refused entry is named by its place in the document, not by an option.
      if (isDomainError(error)) fail(error.path ? `${error.path}: ${error.message}` : error.message);
      throw error;
    }
  };
}

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
    case 'seed':
      return parseSeedCommand();
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
