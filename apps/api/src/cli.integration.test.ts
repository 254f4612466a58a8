import { workspaceScope } from '@tessera/db';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { createDb } from '@tessera/db';
import { findTokens } from '@tessera/db/tokens';
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
