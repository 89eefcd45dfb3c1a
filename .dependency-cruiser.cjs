/**
 * The layer rules of 民情通, one line each (DESIGN.md §5, §8). `npm test` runs them over the tree;
 * test/architecture/dependency-rules.test.ts proves each one refuses a small violating fixture.
 * (Which files may talk to the network is a rule about calls, not imports: eslint.config.mjs.)
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ is the domain: it imports only core/ and zod, dayjs, gcoord — no platform, no I/O.',
      severity: 'error',
      from: { path: '^core/' },
      to: { pathNot: ['^core/', '(^|/)node_modules/(zod|dayjs|gcoord)/'] },
    },
    {
      name: 'handlers-know-no-platform',
      comment: 'Handlers take their ports as arguments: never an adapter, the local server or CloudBase.',
      severity: 'error',
      from: { path: '^backend/handlers/' },
      to: { path: '^backend/(adapters|local|cloudbase)/' },
    },
    {
      name: 'app-does-not-import-backend',
      comment: 'The app and the backend both stand on core/; the app reaches the backend only over the wire.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^backend/' },
    },
    {
      name: 'zod-mini-only',
      comment:
        'Schemas use zod/mini: classic zod (its methods on every schema) would put ~80 KB back into the weapp main package and every function.',
      severity: 'error',
      from: {},
      to: { path: '(^|/)node_modules/zod/(v3/|v4/|v4/classic/)?index\\.[cm]?js$' },
    },
    {
      name: 'no-circular',
      comment: 'No module depends on itself through others.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports are dependencies too: a layer may not lean on another's types either.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|coverage|test-results)/|\\.d\\.ts$|^cloudfunctions/[^/]+/index\\.js$' },
  },
}
