import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { createDb } from '@tessera/db';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeps } from './deps.ts';
import { createHttpServer } from './http/http-server.ts';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'tessera-cli-'));
const cli = (...args: string[]) =>
  run('pnpm', ['exec', 'tsx', 'src/cli.ts', ...args], {
    cwd: new URL('..', import.meta.url),
    env: { ...process.env, DATABASE_URL: '', TESSERA_DATA_DIR: dataDir },
  });

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
    )) as {
      code: number;
      stderr: string;
    };
    expect(failure.code).toBe(2);
    expect(failure.stderr).toMatch(/^--email: /);
  });
});
