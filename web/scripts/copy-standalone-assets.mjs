// `output: 'standalone'` leaves out the static files the server also serves; copy them beside
// .next/standalone/web/server.js, as the container image does, so `pnpm start` serves a full app.
// start-server.mjs, which starts server.js and drains it on SIGTERM, goes beside it too.
import { cpSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('..', import.meta.url));
const target = `${web}.next/standalone/web`;
if (!existsSync(`${target}/server.js`)) {
  console.error(`No standalone server at ${target}/server.js: did next build run?`);
  process.exit(1);
}
cpSync(`${web}.next/static`, `${target}/.next/static`, { recursive: true });
cpSync(`${web}public`, `${target}/public`, { recursive: true });
cpSync(`${web}scripts/start-server.mjs`, `${target}/start-server.mjs`);
