// What other packages' tests use to run the real learn-api beside them.
export { type BuildTestAppInput, buildTestApp } from './build-app.js';
export { insertMaterial, type MaterialChunk, recursionChapter } from './insert-material.js';
export { serveApp } from './serve-app.js';
export { openTestDatabase } from './test-database.js';
