export { createTestDatabase, type TestDatabase, testServerUrl } from './test-database.js';
export { type SuiteDatabase, useTestDatabase } from './use-test-database.js';
