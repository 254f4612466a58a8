import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface DataFolderLock {
  release(): void;
}

interface LockHolder {
  pid: number;
  command: string;
}

/** Another process, or another database in this one, has the embedded database's folder open. */
export class DataFolderInUseError extends Error {
  readonly holderPid: number | undefined;

  constructor(dataDir: string, lockFile: string, holder: LockHolder | undefined) {
    const who =
      holder === undefined
        ? 'another process'
        : holder.pid === process.pid
          ? `this process (pid ${holder.pid})`
          : `process ${holder.pid} (${holder.command})`;
    super(
      `The embedded database in ${dataDir} is in use by ${who}; it serves one process at a time.\n` +
        'Stop that process (Ctrl-C stops a Tessera server) and try again, ' +
        'or run both on a PostgreSQL server with DATABASE_URL.\n' +
        `If no such process runs, delete ${lockFile}.`,
    );
    this.name = 'DataFolderInUseError';
    this.holderPid = holder?.pid;
  }
}

const lockFileName = 'tessera.lock';
// A lock file with this process's pid may have been left by an earlier process that had the same pid
// (in a restarted container, say): only this set tells which folders this process holds.
const foldersLockedHere = new Set<string>();

/**
 * Takes the embedded database's folder for this process alone, or throws DataFolderInUseError.
 * PGlite runs PostgreSQL inside the process that opens the folder: a second process on it neither
 * sees what the first writes nor keeps what it writes itself. The lock is a file holding the pid,
 * released on `release()` or when the process exits; one left by a process that no longer runs is
 * taken over.
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  const folder = resolve(dataDir);
  const lockFile = join(folder, lockFileName);
  mkdirSync(folder, { recursive: true });
  while (!tryCreateLockFile(lockFile)) {
    const text = readLockFile(lockFile);
    if (text === undefined) continue;
    const holder = parseHolder(text);
    // A lock without a pid may be one that another process has created and not yet written.
    const isHeld =
      holder === undefined ||
      (holder.pid === process.pid ? foldersLockedHere.has(folder) : isRunning(holder.pid));
    if (isHeld) throw new DataFolderInUseError(folder, lockFile, holder);
    // Two processes taking over the same stale lock at the same moment could both succeed; a lock
    // is left stale only by a process that was killed, so this is left as it is.
    rmSync(lockFile, { force: true });
  }
  foldersLockedHere.add(folder);

  const release = () => {
    process.off('exit', release);
    foldersLockedHere.delete(folder);
    const text = readLockFile(lockFile);
    if (text !== undefined && parseHolder(text)?.pid === process.pid) rmSync(lockFile, { force: true });
  };
  process.on('exit', release);
  return { release };
}

function tryCreateLockFile(lockFile: string): boolean {
  try {
    writeFileSync(lockFile, `${process.pid}\n${process.argv.slice(1).join(' ')}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's text, or undefined when there is no lock file. */
function readLockFile(lockFile: string): string | undefined {
  try {
    return readFileSync(lockFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function parseHolder(text: string): LockHolder | undefined {
  const [pidLine = '', command = ''] = text.split('\n');
  const pid = Number(pidLine);
  return Number.isInteger(pid) && pid > 0 ? { pid, command } : undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return errorCode(error) === 'EPERM';
  }
}

function errorCode(error: unknown): unknown {
  return error instanceof Error && 'code' in error ? error.code : undefined;
}
