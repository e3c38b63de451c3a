import { findForm, formBody } from './html-form';
import { type CookieJar, type Exchange, send } from './http-client';
import type { LoadStats } from './load-stats';
import type { SignedInUser } from './sign-in';

export interface LoadTarget {
  webUrl: string;
  /** Whether indexed course material exists, so learners can build paths from it. */
  material: boolean;
  /** Ticket ids to read and comment on; new tickets are added as users create them. */
  tickets: number[];
  /** Words to search for. */
  words: string[];
}

/** A write the server acknowledged, so a later check can look for it in the database. */
export interface AcknowledgedWrite {
  kind: 'comment' | 'new-ticket' | 'wiki-edit' | 'api-create-path';
  marker: string;
}

type Outcome = { ok: true } | { ok: false; detail: string } | { ok: 'refused'; detail: string };

interface Action {
  kind: string;
  weight: number;
  /** Only instructors and admins (wiki pages, paths built from material). */
  manager?: boolean;
  /** Only when there is material to learn from. */
  needsMaterial?: boolean;
  run(context: UserContext): Promise<Outcome>;
}

interface UserContext {
  user: SignedInUser;
  index: number;
  target: LoadTarget;
  acknowledged: AcknowledgedWrite[];
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

function expectStatus(exchange: Exchange, ...statuses: number[]): Outcome {
  if (statuses.includes(exchange.status)) return { ok: true };
  return {
    ok: false,
    detail: `HTTP ${exchange.status}${exchange.body ? `: ${exchange.body.slice(0, 160).replace(/\s+/g, ' ')}` : ''}`,
  };
}

const get = (jar: CookieJar, url: string) => send({ jar, url });

/** Submits the form on `pageUrl` that contains `marker`, as a browser without scripts would. */
async function submitForm(options: {
  jar: CookieJar;
  pageUrl: string;
  marker: string;
  values: Record<string, string>;
}): Promise<Exchange | { missing: Exchange }> {
  const page = await get(options.jar, options.pageUrl);
  const form = page.status === 200 ? findForm(page.body, options.marker) : null;
  if (!form) return { missing: page };
  return send({
    jar: options.jar,
    url: options.pageUrl,
    method: 'POST',
    // Browsers send the page's origin with a form post; server actions check it.
    headers: { origin: new URL(options.pageUrl).origin },
    body: formBody(form, options.values),
  });
}

function formOutcome(result: Exchange | { missing: Exchange }, refusal: RegExp): Outcome {
  if ('missing' in result) {
    return { ok: false, detail: `HTTP ${result.missing.status} for the form's page` };
  }
  // A server action that succeeded redirects (303); one that refused the input re-renders the form.
  if (result.status === 303) return { ok: true };
  if (result.status === 200 && refusal.test(result.body)) {
    return { ok: 'refused', detail: refusal.source };
  }
  return expectStatus(result, 303);
}

const actions: Action[] = [
  {
    kind: 'ticket',
    weight: 18,
    run: async ({ user, target }) =>
      expectStatus(await get(user.jar, `${target.webUrl}/ticket/${pick(target.tickets)}`), 200),
  },
  {
    kind: 'query',
    weight: 10,
    run: async ({ user, target }) =>
      expectStatus(
        await get(user.jar, `${target.webUrl}/query?status=!closed&order=priority`),
        200,
      ),
  },
  {
    kind: 'report',
    weight: 6,
    run: async ({ user, target }) =>
      expectStatus(await get(user.jar, `${target.webUrl}/report/${pick([1, 2, 3, 6, 7])}`), 200),
  },
  {
    kind: 'wiki',
    weight: 12,
    run: async ({ user, target }) =>
      expectStatus(
        await get(
          user.jar,
          `${target.webUrl}/wiki/${pick(['WikiStart', 'TracGuide', 'LoadTest/Notes'])}`,
        ),
        200,
        404,
      ),
  },
  {
    kind: 'timeline',
    weight: 8,
    run: async ({ user, target }) =>
      expectStatus(await get(user.jar, `${target.webUrl}/timeline`), 200),
  },
  {
    kind: 'search',
    weight: 8,
    run: async ({ user, target }) =>
      expectStatus(
        await get(user.jar, `${target.webUrl}/search?q=${encodeURIComponent(pick(target.words))}`),
        200,
      ),
  },
  {
    kind: 'api-paths',
    weight: 8,
    run: async ({ user, target }) =>
      expectStatus(
        await send({
          jar: user.jar,
          url: `${target.webUrl}/api/learntrac/paths`,
          headers: { authorization: `Bearer ${user.accessToken}` },
        }),
        200,
      ),
  },
  {
    kind: 'api-me',
    weight: 4,
    run: async ({ user, target }) =>
      expectStatus(
        await send({
          jar: user.jar,
          url: `${target.webUrl}/api/learntrac/me`,
          headers: { authorization: `Bearer ${user.accessToken}` },
        }),
        200,
      ),
  },
  {
    kind: 'comment',
    weight: 6,
    run: async ({ user, target, index, acknowledged }) => {
      const marker = `load-comment-${index}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const outcome = formOutcome(
        await submitForm({
          jar: user.jar,
          pageUrl: `${target.webUrl}/ticket/${pick(target.tickets)}`,
          marker: 'propertyform',
          values: { comment: `A comment from a simulated user (${marker}).`, intent: 'save' },
        }),
        /changed by someone else|mid-air|has been modified/i,
      );
      if (outcome.ok === true) acknowledged.push({ kind: 'comment', marker });
      return outcome;
    },
  },
  {
    kind: 'new-ticket',
    weight: 3,
    run: async ({ user, target, index, acknowledged }) => {
      const marker = `load-ticket-${index}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const result = await submitForm({
        jar: user.jar,
        pageUrl: `${target.webUrl}/newticket`,
        marker: 'field_summary',
        values: {
          field_summary: `Load test ticket ${marker}`,
          field_description: `Created by a simulated user (${marker}).`,
          intent: 'create',
        },
      });
      const outcome = formOutcome(result, /$^/);
      if (outcome.ok === true && !('missing' in result)) {
        acknowledged.push({ kind: 'new-ticket', marker });
        const id = /\/ticket\/(\d+)/.exec(result.location ?? '')?.[1];
        if (id) target.tickets.push(Number(id));
      }
      return outcome;
    },
  },
  {
    kind: 'wiki-edit',
    weight: 3,
    manager: true,
    run: async ({ user, target, index, acknowledged }) => {
      const marker = `load-wiki-${index}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const outcome = formOutcome(
        await submitForm({
          jar: user.jar,
          pageUrl: `${target.webUrl}/wiki/LoadTest/User${index}?action=edit`,
          marker: 'name="text"',
          values: { text: `= Notes of simulated user ${index} =\n\n${marker}\n`, intent: 'save' },
        }),
        /modified by somebody else|being changed by someone else/i,
      );
      if (outcome.ok === true) acknowledged.push({ kind: 'wiki-edit', marker });
      return outcome;
    },
  },
  {
    kind: 'api-create-path',
    weight: 2,
    // Learners see material through the paths their instructors publish, not on its own.
    manager: true,
    needsMaterial: true,
    run: async ({ user, target, index, acknowledged }) => {
      const marker = `load-path-${index}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
      const result = await send({
        jar: user.jar,
        url: `${target.webUrl}/api/learntrac/paths`,
        method: 'POST',
        headers: {
          authorization: `Bearer ${user.accessToken}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          kind: 'personal',
          title: marker,
          query: pick(['recursion', 'binary search', 'sorting a list']),
        }),
      });
      const outcome = expectStatus(result, 201);
      if (outcome.ok === true) acknowledged.push({ kind: 'api-create-path', marker });
      return outcome;
    },
  },
];

/** The action a roll in [0, total weight) lands on. */
function chooseAction(available: Action[], roll: number): Action {
  let left = roll;
  for (const action of available) {
    left -= action.weight;
    if (left < 0) return action;
  }
  return available[available.length - 1]!;
}

/**
 * One simulated person: picks what to do by the weights above (reads mostly, some writes),
 * waits a moment as a reader would, and goes on until `until`. Every request's time and outcome
 * goes to `stats`; a write the server acknowledged goes to `acknowledged`.
 */
export async function runSimulatedUser(options: {
  user: SignedInUser;
  manager: boolean;
  index: number;
  target: LoadTarget;
  stats: LoadStats;
  acknowledged: AcknowledgedWrite[];
  until: number;
  thinkMs: [number, number];
}): Promise<void> {
  const available = actions.filter(
    (a) => (!a.manager || options.manager) && (!a.needsMaterial || options.target.material),
  );
  const totalWeight = available.reduce((sum, a) => sum + a.weight, 0);
  const context: UserContext = {
    user: options.user,
    index: options.index,
    target: options.target,
    acknowledged: options.acknowledged,
  };
  while (Date.now() < options.until) {
    const action = chooseAction(available, Math.random() * totalWeight);
    const started = performance.now();
    let outcome: Outcome;
    try {
      outcome = await action.run(context);
    } catch (error) {
      const cause =
        error instanceof Error ? (error.cause as { code?: string; message?: string }) : undefined;
      const message = error instanceof Error ? error.message : String(error);
      outcome = {
        ok: false,
        detail: cause ? `${message} (${cause.code ?? cause.message})` : message,
      };
    }
    const ms = performance.now() - started;
    options.stats.record(
      action.kind,
      ms,
      outcome.ok === false ? outcome.detail : undefined,
      outcome.ok === 'refused',
    );
    const [low, high] = options.thinkMs;
    await new Promise((resolve) => setTimeout(resolve, low + Math.random() * (high - low)));
  }
}
