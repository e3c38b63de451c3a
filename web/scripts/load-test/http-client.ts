// A small HTTP client for simulated users: a cookie jar (every address here is loopback, where
// cookies are shared between ports as browsers share them), manual redirects so each hop's
// cookies are kept, and a time limit on every request.

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Load is sent to this machine only: any other host is refused before a request is made. */
export function assertLoopback(url: string): void {
  const { hostname } = new URL(url);
  if (!LOOPBACK.has(hostname)) {
    throw new Error(`${url} is not a loopback address: the load scripts only target this machine`);
  }
}

export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(at + 1).trim());
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

export interface Exchange {
  status: number;
  location: string | null;
  body: string;
  ms: number;
}

/** One request with the jar's cookies; the body is read whole (a request counts once it has). */
export async function send(options: {
  jar: CookieJar;
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: BodyInit;
  timeoutMs?: number;
}): Promise<Exchange> {
  assertLoopback(options.url);
  const started = performance.now();
  const cookie = options.jar.header();
  const response = await fetch(options.url, {
    method: options.method ?? 'GET',
    headers: { ...(cookie ? { cookie } : {}), ...options.headers },
    body: options.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
  });
  options.jar.store(response);
  const body = await response.text();
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location ? new URL(location, options.url).toString() : null,
    body,
    ms: performance.now() - started,
  };
}
