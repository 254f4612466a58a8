// Runs every check — build, typecheck, lint, format, and the unit, integration and browser tests,
// the database ones once more on the embedded database — and ends with one line:
// `N passed, N failed`, the totals of them all, after a line with the tests skipped or left to do.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const pnpm = (process.env.TESSERA_PNPM ?? 'pnpm').split(' ');
const [pnpmCommand, ...pnpmArgs] = pnpm;
const checks = [
  ['build the console', ['--filter', '@tessera/web', 'build']],
  ['typecheck', ['exec', 'turbo', 'run', 'typecheck', '--output-logs=errors-only']],
  ['lint', ['exec', 'turbo', 'run', 'lint', '--output-logs=errors-only']],
  ['format', ['exec', 'prettier', '--check', '.']],
];
const testRuns = [
  { name: 'tests', file: 'vitest.json', args: [], env: {} },
  {
    name: 'database tests on the embedded database',
    file: 'vitest-embedded.json',
    args: ['--project', 'db', '--project', 'api'],
    env: { TESSERA_TEST_DRIVER: 'pglite' },
  },
];

let passed = 0;
let failed = 0;
let skipped = 0;
let todo = 0;

function run(args, env = {}) {
  return spawnSync(pnpmCommand, [...pnpmArgs, ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
    .status;
}

for (const [name, args] of checks) {
  console.log(`\n▶ ${name}`);
  if (run(args) === 0) passed++;
  else {
    failed++;
    console.log(`✗ ${name} failed`);
  }
}

mkdirSync('.test-results', { recursive: true });
for (const { name, file, args, env } of testRuns) {
  console.log(`\n▶ ${name}`);
  const resultsFile = `.test-results/${file}`;
  rmSync(resultsFile, { force: true });
  const status = run(
    [
      'exec',
      'vitest',
      'run',
      ...args,
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${resultsFile}`,
    ],
    env,
  );
  const failedBefore = failed;
  try {
    const results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    passed += results.numPassedTests;
    failed += results.numFailedTests;
    skipped += results.numPendingTests;
    todo += results.numTodoTests;
    // A file that fails to load has no tests to count; count it as one failure.
    failed += results.testResults.filter(
      (result) => result.status === 'failed' && result.assertionResults.length === 0,
    ).length;
  } catch {
    failed++;
    console.log(`✗ ${name} left no results`);
  }
  if (status !== 0 && failed === failedBefore) failed++;
}

console.log(`\n${skipped} skipped, ${todo} todo`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
