import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from './client.ts';
import { DataFolderInUseError, lockDataFolder } from './data-folder-lock.ts';

const scratch = mkdtempSync(join(tmpdir(), 'tessera-lock-'));
let folders = 0;
const newDataDir = () => join(scratch, `data-${++folders}`);

// Node 20 runs no TypeScript and db has no loader for it: the other process runs the lock module
// transpiled, and holds the folder until its stdin ends.
const lockModule = join(scratch, 'data-folder-lock.mjs');
writeFileSync(
  lockModule,
  ts.transpileModule(readFileSync(new URL('./data-folder-lock.ts', import.meta.url), 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText,
);
const holdFolder = `
  const { lockDataFolder } = await import(${JSON.stringify(lockModule)});
  try {
    lockDataFolder(process.argv[1]);
  } catch (error) {
    process.stdout.write(error.name);
    process.exit(1);
  }
  process.stdout.write('locked');
  process.stdin.resume().on('end', () => process.exit(0));
`;

interface OtherProcess {
  child: ChildProcess;
  /** What the process said: 'locked', or the name of the error that refused it. */
  said: string;
}

async function lockInOtherProcess(dataDir: string): Promise<OtherProcess> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', holdFolder, dataDir], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const [output] = (await once(child.stdout, 'data')) as [Buffer];
  return { child, said: output.toString() };
}

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the embedded database folder', () => {
  it('refuses a second database on a folder this process has open, until the first is closed', async () => {
    const dataDir = newDataDir();
    const first = createDb({ dataDir });
    await sql`select 1`.execute(first.db);

    expect(() => createDb({ dataDir })).toThrow(DataFolderInUseError);

    await first.close();
    const second = createDb({ dataDir });
    await sql`select 1`.execute(second.db);
    await second.close();
  });

  it('refuses another process a folder this process has open, until it is released', async () => {
    const dataDir = newDataDir();
    const lock = lockDataFolder(dataDir);
    try {
      const other = await lockInOtherProcess(dataDir);
      expect(other.said).toBe('DataFolderInUseError');
      await once(other.child, 'exit');
    } finally {
      lock.release();
    }
    const other = await lockInOtherProcess(dataDir);
    expect(other.said).toBe('locked');
    other.child.stdin?.end();
    await once(other.child, 'exit');
  });

  it('is refused a folder another process has open, and released when that process exits', async () => {
    const dataDir = newDataDir();
    const other = await lockInOtherProcess(dataDir);
    expect(other.said).toBe('locked');

    let refusal: unknown;
    try {
      lockDataFolder(dataDir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataFolderInUseError);
    expect((refusal as DataFolderInUseError).holderPid).toBe(other.child.pid);
    expect((refusal as Error).message).toContain(dataDir);

    other.child.stdin?.end();
    await once(other.child, 'exit');
    expect(existsSync(join(dataDir, 'tessera.lock'))).toBe(false);
  });

  it('takes over a folder whose process was killed without releasing it', async () => {
    const dataDir = newDataDir();
    const other = await lockInOtherProcess(dataDir);
    expect(other.said).toBe('locked');
    other.child.kill('SIGKILL');
    await once(other.child, 'exit');

    const lock = lockDataFolder(dataDir);
    lock.release();
  });
});
