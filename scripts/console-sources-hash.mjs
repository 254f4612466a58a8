// Prints a hash of everything the console is built from, so that `npm start` builds it again only
// when one of them changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const sources = [
  'apps/web',
  'packages/domain/src',
  'packages/domain/package.json',
  'tsconfig.base.json',
  'pnpm-lock.yaml',
];
const notSources = new Set(['node_modules', 'dist', '.turbo']);

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => !notSources.has(name))
    .flatMap((name) => filesUnder(join(path, name)));
}

const hash = createHash('sha256');
for (const file of sources.flatMap(filesUnder).sort()) {
  hash.update(`${file}\0`).update(readFileSync(file)).update('\0');
}
console.log(hash.digest('hex'));
