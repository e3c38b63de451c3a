// Holds simulated users against a running LearnTrac (web on loopback, as ./dev/start runs it) for
// a fixed time, and reports errors, p95 per kind of request and web's memory sampled throughout.
//
//   pnpm --filter @learntrac/web load:test [--duration 5m] [--users 50] [--base-url URL]
//        [--web-pid PID] [--secrets FILE]
//
// Users sign in through the local issuer with the seeded accounts; their learn-api requests use
// the access token web holds for them (read with NEXTAUTH_SECRET, from .data/local-secrets.json
// unless NEXTAUTH_SECRET is set). Targets: no errors, web RSS under 400 MB.
import { parseArgs } from 'node:util';
import { runLoad } from './load-test/run-load';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5m' },
    users: { type: 'string', default: '50' },
    'base-url': { type: 'string', default: 'http://127.0.0.1:8000' },
    'web-pid': { type: 'string' },
    secrets: { type: 'string' },
  },
});

const report = await runLoad({
  webUrl: values['base-url'],
  durationMs: parseDuration(values.duration),
  users: Number(values.users),
  webPid: values['web-pid'] ? Number(values['web-pid']) : undefined,
  secretsFile: values.secrets,
  log: (line) => console.log(line),
});
console.log(report.summary);
process.exit(report.errors === 0 && report.peakRssMb < 400 ? 0 : 1);

function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min)?$/.exec(text.trim());
  if (!match) throw new Error(`--duration must look like 300, 300s or 5m, not "${text}"`);
  const n = Number(match[1]);
  const ms = match[2] === 'ms' ? n : match[2] === 'm' || match[2] === 'min' ? n * 60_000 : n * 1000;
  if (ms <= 0 || ms > 30 * 60_000) throw new Error('--duration must be between 1 s and 30 min');
  return ms;
}
