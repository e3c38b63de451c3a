import { chromium } from '@playwright/test';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { signIn } from '../fixtures/auth';
import { fetchAccessToken } from '../fixtures/learn-api';
import { sessionFile } from '../fixtures/sessions';

// Lighthouse's performance, accessibility and best-practices scores for the learner's main
// pages on a running production build (./dev/start, or LIGHTHOUSE_BASE_URL), signed in as the
// learner. Exits non-zero when a score is under the target.
//
//   pnpm --filter @learntrac/e2e lighthouse

const baseUrl = (process.env.LIGHTHOUSE_BASE_URL ?? 'http://localhost:8000').replace(/\/$/, '');
const issuerUrl = process.env.LIGHTHOUSE_ISSUER_URL ?? 'http://localhost:8002';
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const target = 90;
const categories = ['performance', 'accessibility', 'best-practices'] as const;

/** Signs the learner in through the issuer, as a person does, and keeps the session. */
async function learnerSession() {
  const browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
  try {
    const context = await browser.newContext({ baseURL: baseUrl });
    const page = await context.newPage();
    await signIn(page, 'learner');
    await context.storageState({ path: sessionFile('learner') });
    const cookies = (await context.cookies(baseUrl))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join('; ');
    const token = await fetchAccessToken(page, baseUrl, issuerUrl);
    return { cookies, token };
  } finally {
    await browser.close();
  }
}

/** The demo path and one of its concept tickets, as the learner sees them in learn-api. */
async function demoPages(token: string) {
  const api = async (path: string) => {
    const response = await fetch(`${baseUrl}/api/learntrac${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    return response.json();
  };
  const { paths } = await api('/paths?kind=shared&limit=100');
  const demo = paths.find(
    (path: { title: string }) => path.title === 'Introduction to Graph Algorithms',
  );
  if (!demo) throw new Error('the demo path is missing: start LearnTrac with ./dev/start first');
  const detail = await api(`/paths/${demo.id}`);
  return {
    'learner dashboard': '/learning',
    'demo path': `/learning/paths/${demo.id}`,
    'ticket (a demo concept)': `/ticket/${detail.concepts[0].ticketId}`,
  };
}

const { cookies, token } = await learnerSession();
const pages = await demoPages(token);
const chrome = await chromeLauncher.launch({
  chromePath,
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const rows: { page: string; scores: number[] | null; problem?: string; metrics?: string }[] = [];
try {
  for (const [name, path] of Object.entries(pages)) {
    const result = await lighthouse(`${baseUrl}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...categories],
      extraHeaders: { Cookie: cookies },
    });
    const page = `${name} (${path})`;
    if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
    const { lhr } = result;
    // A page that answers with an error (a screen not built yet: 404) gets no scores.
    if (lhr.runtimeError) {
      rows.push({ page, scores: null, problem: lhr.runtimeError.message });
      continue;
    }
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '?';
    rows.push({
      page,
      metrics: `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`,
      scores: categories.map((category) =>
        Math.round((lhr.categories[category]?.score ?? 0) * 100),
      ),
    });
  }
} finally {
  chrome.kill();
}

console.log(`\nLighthouse on ${baseUrl}, signed in as the learner (target ${target}):\n`);
console.log(`${'page'.padEnd(72)}${categories.map((c) => c.padStart(16)).join('')}`);
for (const row of rows) {
  const cells = row.scores
    ? row.scores.map((score) => String(score).padStart(16)).join('')
    : `  no scores: ${row.problem}`;
  console.log(`${row.page.padEnd(72)}${cells}`);
  if (row.metrics) console.log(`  ${row.metrics}`);
}
const below = rows.filter((row) => !row.scores || row.scores.some((score) => score < target));
if (below.length > 0) {
  console.log(`\nUnder ${target}: ${below.map((row) => row.page).join(', ')}`);
  process.exit(1);
}
