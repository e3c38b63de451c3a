import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededUsers } from '@learntrac/dev/oidc';
import { assertLoopback, type CookieJar, send } from './http-client';
import { LoadStats, readRssMb } from './load-stats';
import { type SignedInUser, signIn } from './sign-in';
import { type AcknowledgedWrite, type LoadTarget, runSimulatedUser } from './simulated-user';

export interface LoadReport {
  summary: string;
  errors: number;
  requests: number;
  peakRssMb: number;
  stats: LoadStats;
  acknowledged: AcknowledgedWrite[];
}

const defaultSecretsFile = fileURLToPath(
  new URL('../../../.data/local-secrets.json', import.meta.url),
);

function nextauthSecret(secretsFile = defaultSecretsFile): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  try {
    return (JSON.parse(readFileSync(secretsFile, 'utf8')) as { nextauthSecret: string })
      .nextauthSecret;
  } catch {
    throw new Error(
      `set NEXTAUTH_SECRET, or start LearnTrac with ./dev/start so that ${secretsFile} holds it`,
    );
  }
}

/** The process listening on the web port, for its memory. */
function findListeningPid(webUrl: string): number | undefined {
  const port = new URL(webUrl).port || '80';
  try {
    const out = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
    const pid = /pid=(\d+)/.exec(out)?.[1];
    return pid ? Number(pid) : undefined;
  } catch {
    return undefined;
  }
}

/** Ticket ids to visit: the open tickets' query exported as CSV. */
async function findTickets(webUrl: string, jar: CookieJar): Promise<number[]> {
  let url = `${webUrl}/query?status=!closed&format=csv&max=500`;
  for (let hop = 0; hop < 3; hop += 1) {
    const exchange = await send({ jar, url });
    if (exchange.location) {
      url = exchange.location;
      continue;
    }
    const [header = '', ...lines] = exchange.body.replace(/^\uFEFF/, '').split(/\r?\n/);
    const column = header.split(',').findIndex((name) => name === 'id' || name === 'ticket');
    return lines
      .map((line) => Number(line.split(',')[Math.max(0, column)]))
      .filter((id) => Number.isSafeInteger(id) && id > 0);
  }
  return [];
}

const MATERIAL = `# Algorithms course notes

## Recursion

A recursive function calls itself on a smaller part of its input until it reaches a base case,
which it answers directly. Every recursion needs a base case, or it never ends.

## Binary search

Binary search finds an item in a sorted list by comparing it with the middle element and
keeping only the half that can still hold it, so it needs about log2(n) comparisons.

## Sorting

Merge sort splits a list in two, sorts each half recursively and merges the sorted halves.
Insertion sort builds the sorted list one item at a time and is quick on nearly sorted input.
`;

/**
 * Course material for learners to build paths from: a short document an instructor uploads,
 * waited for until indexed (at most a minute). False when it could not be indexed; the load then
 * goes on without path building.
 */
async function uploadMaterial(webUrl: string, instructor: SignedInUser): Promise<boolean> {
  const form = new FormData();
  form.set('title', 'Load test course notes');
  form.set('file', new File([MATERIAL], 'course-notes.md', { type: 'text/markdown' }));
  const auth = { authorization: `Bearer ${instructor.accessToken}` };
  const upload = await send({
    jar: instructor.jar,
    url: `${webUrl}/api/learntrac/documents`,
    method: 'POST',
    headers: auth,
    body: form,
  });
  if (upload.status !== 200 && upload.status !== 202) return false;
  const { id } = JSON.parse(upload.body) as { id: string };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const got = await send({
      jar: instructor.jar,
      url: `${webUrl}/api/learntrac/documents/${id}`,
      headers: auth,
    });
    const status = got.status === 200 ? (JSON.parse(got.body) as { status: string }).status : '';
    if (status === 'indexed') return true;
    if (status === 'failed') return false;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

/**
 * Runs `users` simulated people against web at `webUrl` for `durationMs`, sampling web's RSS
 * every second, and returns the figures. Bounded in time; loopback addresses only.
 */
export async function runLoad(options: {
  webUrl: string;
  durationMs: number;
  users: number;
  webPid?: number;
  secretsFile?: string;
  thinkMs?: [number, number];
  log: (line: string) => void;
}): Promise<LoadReport> {
  const webUrl = options.webUrl.replace(/\/$/, '');
  assertLoopback(webUrl);
  if (!Number.isInteger(options.users) || options.users < 1 || options.users > 500) {
    throw new Error('--users must be between 1 and 500');
  }
  const secret = nextauthSecret(options.secretsFile);
  const accounts = new Map<string, SignedInUser>();
  for (const account of seededUsers) {
    accounts.set(
      account.username,
      await signIn({
        webUrl,
        email: account.email,
        password: account.password,
        nextauthSecret: secret,
      }),
    );
  }
  const admin = accounts.get('admin');
  if (!admin) throw new Error('the seeded accounts have no admin');
  const tickets = await findTickets(webUrl, admin.jar);
  if (tickets.length === 0) throw new Error('found no open tickets to visit');
  const instructor = accounts.get('instructor') ?? admin;
  const material = await uploadMaterial(webUrl, instructor);
  if (!material) options.log('[load] the course material was not indexed: no path building');
  const target: LoadTarget = {
    webUrl,
    material,
    tickets,
    words: ['course', 'graph', 'ticket', 'wiki', 'learning', 'milestone', 'search'],
  };
  const pid = options.webPid ?? findListeningPid(webUrl);
  const stats = new LoadStats();
  const acknowledged: AcknowledgedWrite[] = [];
  const startRss = pid ? readRssMb(pid) : null;
  options.log(
    `[load] ${options.users} users for ${Math.round(options.durationMs / 1000)} s against ${webUrl}` +
      ` (${tickets.length} tickets; web pid ${pid ?? 'unknown'}, RSS ${startRss?.toFixed(0) ?? '?'} MB)`,
  );

  const started = Date.now();
  const until = started + options.durationMs;
  const sampler = setInterval(() => {
    const mb = pid ? readRssMb(pid) : null;
    if (mb !== null) stats.sampleRss(mb);
  }, 1_000);
  const progress = setInterval(() => {
    const last = stats.rssSamples.at(-1)?.mb;
    options.log(
      `[load] ${Math.round((Date.now() - started) / 1000)} s: ${stats.total} requests, ${stats.errorCount} errors, web RSS ${last?.toFixed(0) ?? '?'} MB`,
    );
  }, 30_000);
  // People in three roles, in the proportions of a class.
  const roles = [
    'learner',
    'learner',
    'learner',
    'instructor',
    'learner',
    'learner',
    'instructor',
    'admin',
  ];
  try {
    await Promise.all(
      Array.from({ length: options.users }, (_, index) => {
        const role = roles[index % roles.length]!;
        return runSimulatedUser({
          user: accounts.get(role) ?? admin,
          manager: role !== 'learner',
          index,
          target,
          stats,
          acknowledged,
          until,
          thinkMs: options.thinkMs ?? [250, 1250],
        });
      }),
    );
  } finally {
    clearInterval(sampler);
    clearInterval(progress);
  }
  const elapsed = (Date.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const afterRss = pid ? readRssMb(pid) : null;
  const peakRssMb = Math.max(0, ...stats.rssSamples.map((s) => s.mb));
  const distinct = new Map<string, number>();
  for (const failure of stats.failures) {
    const detail = failure.detail.replace(/"requestId":"[^"]*"/g, '').slice(0, 100);
    const key = `${failure.kind}: ${detail}`;
    distinct.set(key, (distinct.get(key) ?? 0) + 1);
  }
  const summary = [
    '',
    `${stats.total} requests in ${elapsed.toFixed(0)} s (${(stats.total / elapsed).toFixed(1)}/s) by ${options.users} users; ${stats.errorCount} errors; ${acknowledged.length} writes acknowledged`,
    '',
    stats.table(),
    '',
    pid
      ? `web RSS: ${startRss?.toFixed(0) ?? '?'} MB at start, peak ${peakRssMb.toFixed(0)} MB, ${afterRss?.toFixed(0) ?? '?'} MB 2 s after (${stats.rssSamples.length} samples, target < 400 MB)`
      : 'web RSS: unknown (pass --web-pid)',
    ...(distinct.size > 0
      ? ['', 'errors:', ...[...distinct].slice(0, 15).map(([key, n]) => `  ${n} × ${key}`)]
      : []),
  ].join('\n');
  return {
    summary,
    errors: stats.errorCount,
    requests: stats.total,
    peakRssMb,
    stats,
    acknowledged,
  };
}
