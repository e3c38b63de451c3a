import { readFileSync } from 'node:fs';

/** Latencies and failures per kind of request, and the server's memory over the run. */
export class LoadStats {
  private readonly kinds = new Map<string, { ms: number[]; failures: number; refused: number }>();
  readonly failures: { kind: string; detail: string; at: number }[] = [];
  readonly rssSamples: { at: number; mb: number }[] = [];
  /** Every request: when it started (ms since the epoch), how long it took, and how it ended. */
  readonly events: {
    start: number;
    ms: number;
    kind: string;
    outcome: 'ok' | 'refused' | string;
  }[] = [];
  private readonly started = Date.now();

  /** `refused`: the server turned the input away with a message (a mid-air collision), as designed. */
  record(kind: string, ms: number, failure?: string, refused = false): void {
    let entry = this.kinds.get(kind);
    if (!entry) {
      entry = { ms: [], failures: 0, refused: 0 };
      this.kinds.set(kind, entry);
    }
    entry.ms.push(ms);
    if (refused) entry.refused += 1;
    this.events.push({
      start: Date.now() - ms,
      ms,
      kind,
      outcome: failure ?? (refused ? 'refused' : 'ok'),
    });
    if (failure !== undefined) {
      entry.failures += 1;
      this.failures.push({ kind, detail: failure, at: Date.now() - this.started });
    }
  }

  sampleRss(mb: number): void {
    this.rssSamples.push({ at: Date.now() - this.started, mb });
  }

  get errorCount(): number {
    return this.failures.length;
  }

  get total(): number {
    let n = 0;
    for (const entry of this.kinds.values()) n += entry.ms.length;
    return n;
  }

  table(): string {
    const percentile = (sorted: number[], p: number) =>
      sorted.length === 0
        ? 0
        : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
    const rows = [['kind', 'requests', 'errors', 'refused', 'p50 ms', 'p95 ms', 'max ms']];
    for (const [kind, entry] of [...this.kinds].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...entry.ms].sort((a, b) => a - b);
      rows.push([
        kind,
        String(sorted.length),
        String(entry.failures),
        String(entry.refused),
        percentile(sorted, 50).toFixed(0),
        percentile(sorted, 95).toFixed(0),
        (sorted.at(-1) ?? 0).toFixed(0),
      ]);
    }
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
    return rows
      .map((r) =>
        r
          .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
          .join('  '),
      )
      .join('\n');
  }
}

/** Resident memory of a process in MB, from /proc (Linux). */
export function readRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}
