// ESLint flat config: typescript-eslint's strict type-checked rules, floating promises and exhaustive switches,
// and Nx module boundaries that enforce the dependency rule of ARCHITECTURE.md:
// services import libs; libs never import services; only libs/messaging (and the test harness) imports kafkajs;
// libs/clinical imports nothing from NestJS, TypeORM or kafkajs; libs/contracts depends only on class-validator.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

const productionConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:claims-intake', onlyDependOnLibsWithTags: ['scope:shared', 'scope:claims-intake'] },
  { sourceTag: 'scope:care-gaps', onlyDependOnLibsWithTags: ['scope:shared', 'scope:care-gaps'] },
  {
    sourceTag: 'scope:condition-identification',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:condition-identification'],
  },
  { sourceTag: 'scope:survey-trigger', onlyDependOnLibsWithTags: ['scope:shared', 'scope:survey-trigger'] },
  {
    sourceTag: 'scope:behavioral-screening',
    onlyDependOnLibsWithTags: ['scope:shared', 'scope:behavioral-screening'],
  },
  { sourceTag: 'scope:casework', onlyDependOnLibsWithTags: ['scope:shared', 'scope:casework'] },
  { sourceTag: 'scope:dev-identity', onlyDependOnLibsWithTags: ['scope:shared', 'scope:dev-identity'] },
  { sourceTag: 'scope:console', onlyDependOnLibsWithTags: ['scope:shared', 'scope:console'] },
  {
    sourceTag: 'type:app',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:messaging', 'type:data', 'type:domain', 'type:util'],
    bannedExternalImports: ['kafkajs'],
  },
  {
    sourceTag: 'type:domain',
    onlyDependOnLibsWithTags: ['type:domain'],
    bannedExternalImports: ['@nestjs/*', 'typeorm', 'kafkajs', 'pg', 'class-validator', 'class-transformer'],
  },
  {
    sourceTag: 'type:contracts',
    onlyDependOnLibsWithTags: ['type:contracts'],
    allowedExternalImports: ['reflect-metadata', 'class-validator', 'class-transformer', 'class-transformer/*', 'class-validator-jsonschema', 'class-validator-jsonschema/*', 'node:*'],
  },
  { sourceTag: 'type:messaging', onlyDependOnLibsWithTags: ['type:contracts', 'type:data', 'type:util'] },
  { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'], bannedExternalImports: ['kafkajs'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'], bannedExternalImports: ['kafkajs', 'typeorm'] },
  {
    sourceTag: 'type:testing',
    onlyDependOnLibsWithTags: ['type:contracts', 'type:data', 'type:util', 'type:domain', 'type:messaging'],
  },
];

// Tests may also use the testing library (real Postgres and broker, population generator) and test-only packages
// (fast-check, say) that production code of the library may not import.
const testConstraints = productionConstraints.map((constraint) =>
  constraint.onlyDependOnLibsWithTags && constraint.sourceTag.startsWith('type:') && constraint.sourceTag !== 'type:domain'
    ? {
        ...constraint,
        onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'type:testing', 'type:app'],
        bannedExternalImports: undefined,
        allowedExternalImports: undefined,
      }
    : constraint,
);

export default tseslint.config(
  {
    ignores: ['tmp/**', '**/node_modules/**', '**/dist/**', '**/coverage/**', '.stack/**', '.nx/**', 'docs/**', 'infra/**/bin/**', '**/*.js', '**/*.mjs'],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.strictTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-extraneous-class': 'off', // NestJS modules are decorated empty classes
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Payload and DTO classes are data shapes checked by class-validator: a plain object of the same shape is
      // exactly what arrives over the wire, and copying one with spread is intended.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-misused-spread': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: productionConstraints }],
    },
  },
  {
    // The console's web app (React, built by Vite): its own tsconfig (DOM, JSX); it imports no @care/* library.
    files: ['services/console/web/**/*.ts', 'services/console/web/**/*.tsx', 'services/console/web/*.mts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    // Vite reads its configuration from a default export.
    files: ['services/console/web/vite.config.mts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/test/**/*.ts', 'bench/**/*.ts', 'tools/**/*.ts', '**/scripts/**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: testConstraints }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
);
