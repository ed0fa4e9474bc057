// Three tiers (see CONTRIBUTING.md): unit specs next to the code, integration and end-to-end specs under
// test/ that talk to a real PostgreSQL and a real Kafka-protocol broker started once per run.
const fs = require('node:fs');
const path = require('node:path');

const swcConfig = JSON.parse(fs.readFileSync(path.join(__dirname, '.swcrc'), 'utf8'));
delete swcConfig.$schema;
const transform = { '^.+\\.ts$': ['@swc/jest', { ...swcConfig, swcrc: false }] };
const common = {
  rootDir: __dirname,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  setupFiles: ['reflect-metadata'],
};

module.exports = {
  reporters: ['default', '<rootDir>/tools/jest/summary-reporter.js'],
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/libs/*/src/**/*.spec.ts', '<rootDir>/services/*/src/**/*.spec.ts', '<rootDir>/tools/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/libs/*/test/**/*.int-spec.ts', '<rootDir>/services/*/test/**/*.int-spec.ts', '<rootDir>/bench/**/*.int-spec.ts', '<rootDir>/tools/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
      globalTeardown: '<rootDir>/libs/testing/src/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/jest/integration-timeout.ts'],
    },
  ],
};
