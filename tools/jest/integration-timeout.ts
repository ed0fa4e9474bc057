// Integration and end-to-end specs start real services against a real broker and database: allow them minutes,
// not Jest's default five seconds. (A per-project `testTimeout` is not applied by Jest 30.)
jest.setTimeout(120_000);
