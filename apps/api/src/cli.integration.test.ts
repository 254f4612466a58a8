import { workspaceScope } from '@tessera/db';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { createDb } from '@tessera/db';
import { findTokens } from '@tessera/db/tokens';
import { listAuditEntries } from '@tessera/db/audit';
import { findProfileTypes } from '@tessera/db/profile-types';
import { findWorkspaceBySlug } from '@tessera/db/workspaces';
import { seedDocumentSchema } from '@tessera/domain';
import { referenceAttributeEntries, referenceExample } from './seeds/seed-examples.testing.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeps } from './deps.ts';
import { createHttpServer } from './http/http-server.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
const apiRoot = new URL('..', import.meta.url);
const env = { ...process.env, DATABASE_URL: '', TESSERA_DATA_DIR: dataDir };
const typeScript = ['--import', 'tsx'];
const cli = (...args: string[]) =>
  run(process.execPath, [...typeScript, 'src/cli.ts', ...args], { cwd: apiRoot, env });

interface Failure {
  code: number;
  stderr: string;
}

/** Starts the server on the embedded database; resolves once it serves, or rejects if it exits. */
async function startServer() {
  const server = spawn(process.execPath, [...typeScript, 'src/server.ts'], {
    cwd: apiRoot,
    env: { ...env, PORT: '0', HOST: '127.0.0.1', TESSERA_DEMO: '0', LOG_LEVEL: 'error' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Tessera is running')) resolve();
    };
    server.stdout.on('data', collect);
    server.stderr.on('data', collect);
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${output}`)));
  });
  return server;
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the command line', () => {
  it('creates a workspace and a token that a script then calls the API with over HTTP', async () => {
    const created = JSON.parse(
      (await cli('create-workspace', '--name', 'Acme Corp', '--email', 'ops@acme.test', '--token', 'ci'))
        .stdout,
    ) as {
      workspace: { slug: string };
      token: string;
    };
    expect(created.workspace.slug).toBe('acme-corp');
    const second = JSON.parse(
      (await cli('create-token', '--workspace', 'acme-corp', '--email', 'ops@acme.test', '--name', 'sync'))
        .stdout,
    ) as { token: string };

    const database = createDb({ dataDir });
    const server = createHttpServer(createDeps(database.db));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      for (const token of [created.token, second.token]) {
        const response = await fetch(`http://127.0.0.1:${port}/trpc/profiles.create`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ json: { firstName: 'Scripted' } }),
        });
        expect(response.status).toBe(200);
      }
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await database.close();
    }
  });

  it('refuses bad options naming the option, and exits with 2', async () => {
    const failure = (await cli('create-workspace', '--name', 'X', '--email', 'not-an-email').catch(
      (error: unknown) => error,
    )) as Failure;
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/^--email: /);
  });

  it('is refused, as is a second server, while a server has the embedded database open, and writes nothing', async () => {
    const created = JSON.parse(
      (await cli('create-workspace', '--name', 'Locked Out', '--email', 'ops@locked.test')).stdout,
    ) as { workspace: { id: string } };
    const server = await startServer();
    try {
      const refused = (await cli(
        'create-token',
        '--workspace',
        'locked-out',
        '--email',
        'ops@locked.test',
        '--name',
        'lost',
      ).catch((error: unknown) => error)) as Failure;
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(dataDir);
      expect(refused.stderr).toContain(`process ${server.pid}`);
      expect(refused.stderr).toContain('DATABASE_URL');

      await expect(startServer()).rejects.toThrow(dataDir);
    } finally {
      server.kill('SIGTERM');
      await once(server, 'exit');
    }

    const database = createDb({ dataDir });
    try {
      expect(await findTokens(database.db, workspaceScope(created.workspace.id))).toEqual([]);
    } finally {
      await database.close();
    }
  });
});

// Each command starts Node and opens the embedded database: six of them take a while on a busy machine.
describe('the seed command', { timeout: 120_000 }, () => {
  const seedDir = mkdtempSync(join(tmpdir(), 'tessera-seed-'));
  afterAll(() => rmSync(seedDir, { recursive: true, force: true }));

  /** Reference 000's example, after the attributes it bundles. */
  const document = [...referenceAttributeEntries, ...referenceExample];
  const items = document.map((entry) => ({ object_type: entry.object_type, slug: entry.data.slug }));

  function seedFile(name: string, content: unknown): string {
    const file = join(seedDir, name);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    return file;
  }

  /** What a command printed, read as JSON. */
  const printed = async (...args: string[]): Promise<unknown> =>
    JSON.parse((await cli(...args)).stdout) as unknown;

  it('imports a seed file, dry run first, idempotently, and exports it back', async () => {
    await cli('create-workspace', '--name', 'Seeded', '--email', 'ops@seeded.test');
    const file = seedFile('seed.json', document);

    const dryRun = await printed('seed', 'import', '--workspace', 'seeded', file, '--dry-run');
    expect(dryRun).toEqual({ created: items, updated: [], unchanged: [] });
    expect(await printed('seed', 'export', '--workspace', 'seeded')).toEqual([]);

    expect(await printed('seed', 'import', '--workspace', 'seeded', file)).toEqual(dryRun);
    expect(await printed('seed', 'import', '--workspace', 'seeded', file)).toEqual({
      created: [],
      updated: [],
      unchanged: items,
    });

    const { stdout } = await cli('seed', 'export', '--workspace', 'seeded');
    expect(stdout).toContain('\n  {\n    "object_type": "attributes"');
    const back = JSON.parse(stdout) as unknown[];
    expect(back).toHaveLength(document.length);
    expect(back).toContainEqual(seedDocumentSchema.parse(referenceExample)[0]);

    const database = createDb({ dataDir });
    try {
      const workspace = await findWorkspaceBySlug(database.db, 'seeded');
      const scope = workspaceScope(workspace?.id ?? '');
      const [type] = await findProfileTypes(database.db, scope);
      const trail = await listAuditEntries(database.db, scope, 'profile_type', type?.id ?? '');
      expect(trail.map((entry) => [entry.action, entry.actorMemberId])).toEqual([
        ['profile_type.create', null],
      ]);
    } finally {
      await database.close();
    }
  });

  it('refuses a bad document with 2, naming the entry and what is wrong, and writes nothing', async () => {
    await cli('create-workspace', '--name', 'Refused', '--email', 'ops@refused.test');
    const refusal = async (file: string) =>
      (await cli('seed', 'import', '--workspace', 'refused', file).catch(
        (error: unknown) => error,
      )) as Failure;
    const unknownSlug = seedFile('unknown-slug.json', [
      ...referenceAttributeEntries,
      { ...referenceExample[0], data: { ...referenceExample[0]?.data, attributes: ['pet_nme'] } },
    ]);
    const badType = seedFile('bad-type.json', [
      {
        object_type: 'attributes',
        data: { slug: 'age', label: 'Age', object_type: 'contacts', data_type: 'years' },
      },
    ]);

    const cases: [string, string][] = [
      [unknownSlug, 'document.3.data.attributes.0: entry 3: No contacts attribute has the slug pet_nme\n'],
      [badType, 'document.0.data.data_type: entry 0: Data type must be one of '],
      [seedFile('not-json.json', '[{'), `${join(seedDir, 'not-json.json')}: is not JSON (`],
      [join(seedDir, 'missing.json'), `${join(seedDir, 'missing.json')}: cannot be read (`],
    ];
    for (const [file, message] of cases) {
      const failure = await refusal(file);
      expect(failure.code, file).toBe(2);
      expect(failure.stderr, file).toContain(message);
    }
    expect(await printed('seed', 'export', '--workspace', 'refused')).toEqual([]);
  });
});
