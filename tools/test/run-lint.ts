import { lintWorkspace } from './lint-workspace';

/** `npm run lint [-- --fix]`: ESLint with typescript-eslint strict rules and Nx module boundaries. */
process.exit(lintWorkspace(process.argv.slice(2)));
