/**
 * Feature folders never import each other in a circle: apps/api/src/* and apps/web/src/features/*.
 * Each app's `lint` runs this from its own folder. Tests and their helpers (`*.test.ts`,
 * `*.testing.ts`, `src/testing/`) use every feature and are left out.
 */
module.exports = {
  forbidden: [
    {
      name: 'no-feature-cycles',
      comment: 'Feature folders import each other in a circle: move what both need to a leaf module.',
      scope: 'folder',
      severity: 'error',
      from: { path: '^src/(features/)?[^/]+$' },
      to: { path: '^src/(features/)?[^/]+$', circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules/', 'dist/', '\\.test\\.tsx?$', '\\.testing\\.ts$', '^src/testing/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
