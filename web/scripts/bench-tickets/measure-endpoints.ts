/** One page the benchmark loads, and the p95 it should stay under. */
export interface Endpoint {
  name: string;
  /** The path of the i-th request (so each request may ask for a different ticket or word). */
  path: (i: number) => string;
  /** Null for a reference figure that has no target of its own. */
  targetP95Ms: number | null;
}

export interface EndpointResult {
  name: string;
  requests: number;
  failures: number;
  /** The first failure seen, to say what went wrong. */
  firstFailure?: string;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  perSecond: number;
  /** The web server's CPU time (user + system) per measured request, when its process is known. */
  cpuMsPerRequest: number | null;
  targetP95Ms: number | null;
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil(fraction * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(rank, 1)) - 1] as number;
}

/** A small seeded generator, so two runs ask for the same tickets in the same order. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function requestOnce(url: string): Promise<{ ms: number; error?: string }> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    // The whole page counts: a streamed response is done when its last byte arrives.
    await response.arrayBuffer();
    const ms = performance.now() - started;
    return response.status === 200 ? { ms } : { ms, error: `HTTP ${response.status} for ${url}` };
  } catch (error) {
    return { ms: performance.now() - started, error: `${url}: ${String(error)}` };
  }
}

/**
 * Sends `requests` requests to one endpoint from `concurrency` workers that each take the
 * next request number as soon as their previous answer is complete. `warmup` requests go
 * first and are not counted (they fill caches and compile code paths).
 */
export async function measureEndpoint(options: {
  baseUrl: string;
  endpoint: Endpoint;
  requests: number;
  concurrency: number;
  warmup: number;
  /** Reads the web server's CPU seconds so far. */
  serverCpuSeconds?: () => number;
}): Promise<EndpointResult> {
  const { baseUrl, endpoint, concurrency } = options;
  const run = async (count: number, offset: number) => {
    const samples: number[] = [];
    const errors: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const i = next++;
        const result = await requestOnce(`${baseUrl}${endpoint.path(offset + i)}`);
        samples.push(result.ms);
        if (result.error) errors.push(result.error);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
    return { samples, errors, seconds: (performance.now() - started) / 1000 };
  };

  await run(options.warmup, options.requests);
  const cpuBefore = options.serverCpuSeconds?.();
  const { samples, errors, seconds } = await run(options.requests, 0);
  const cpuAfter = options.serverCpuSeconds?.();
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    name: endpoint.name,
    requests: samples.length,
    failures: errors.length,
    firstFailure: errors[0],
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted.at(-1) ?? Number.NaN,
    perSecond: samples.length / seconds,
    cpuMsPerRequest:
      cpuBefore === undefined || cpuAfter === undefined
        ? null
        : ((cpuAfter - cpuBefore) * 1000) / samples.length,
    targetP95Ms: endpoint.targetP95Ms,
  };
}
