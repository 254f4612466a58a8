// Runs every check — build, typecheck, lint, and the unit, integration and browser tests —
// and ends with one line: `N passed, N failed`, the totals of them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const resultsFile = '.test-results/vitest.json';
const pnpm = (process.env.TESSERA_PNPM ?? 'pnpm').split(' ');
const checks = [
  ['build the console', [...pnpm, '--filter', '@tessera/web', 'build']],
  ['typecheck', [...pnpm, 'exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']],
  ['lint', [...pnpm, 'exec', 'turbo', 'run', 'lint', '--output-logs=errors-only']],
  ['format', [...pnpm, 'exec', 'prettier', '--check', '.']],
];

let passed = 0;
let failed = 0;

for (const [name, [command, ...args]] of checks) {
  console.log(`\n▶ ${name}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  if (status === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed`);
  }
}

console.log('\n▶ tests');
rmSync(resultsFile, { force: true });
mkdirSync('.test-results', { recursive: true });
const [pnpmCommand, ...pnpmArgs] = pnpm;
const vitest = spawnSync(
  pnpmCommand,
  [
    ...pnpmArgs,
    'exec',
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${resultsFile}`,
  ],
  {
    stdio: 'inherit',
  },
);
try {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  // A file that fails to load has no tests to count; count it as one failure.
  failed += results.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
} catch {
  failed++;
  console.log('✗ the test run left no results');
}
if (vitest.status !== 0 && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
