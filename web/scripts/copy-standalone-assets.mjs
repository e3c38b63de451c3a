// `output: 'standalone'` leaves out the static files the server also serves; copy them beside
// .next/standalone/web/server.js, as the container image does, so `pnpm start` serves a full app.
// The server's entry (src/server/start-server.ts: the front door, workers, draining) is bundled
// beside them as start-server.mjs; Next's own code stays in the standalone node_modules.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const web = fileURLToPath(new URL('..', import.meta.url));
const target = `${web}.next/standalone/web`;
if (!existsSync(`${target}/server.js`)) {
  console.error(`No standalone server at ${target}/server.js: did next build run?`);
  process.exit(1);
}
cpSync(`${web}.next/static`, `${target}/.next/static`, { recursive: true });
cpSync(`${web}public`, `${target}/public`, { recursive: true });
await build({
  entryPoints: [`${web}src/server/start-server.ts`],
  outfile: `${target}/start-server.mjs`,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  tsconfig: `${web}tsconfig.json`,
  // Next is loaded from the standalone node_modules at run time; pg's native binding is optional.
  external: ['next', 'next/*', 'pg-native'],
  // Bundled CommonJS (pg) calls require, which an ES module lacks.
  banner: {
    js: "import { createRequire as requireFor } from 'node:module'; const require = requireFor(import.meta.url);",
  },
  logLevel: 'warning',
});
