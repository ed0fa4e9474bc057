import { spawnSync } from 'node:child_process';

/** `npm run lint`: ESLint with typescript-eslint strict rules and Nx module boundaries; `--fix` is passed through. */
const result = spawnSync(
  require.resolve('.bin/eslint', { paths: [`${process.cwd()}/node_modules`] }),
  ['--max-warnings', '0', '.', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
