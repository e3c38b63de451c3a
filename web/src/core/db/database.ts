/**
 * The part of the Prisma client the web app uses. Trac's tables keep Trac's names and
 * columns, so the read-only views query them with parameterised SQL.
 */
export interface Database {
  $queryRaw<T = unknown>(query: TemplateStringsArray, ...values: unknown[]): PromiseLike<T>;
  $disconnect(): Promise<void>;
}

/** Trac stores times as integer microseconds since the epoch. */
export function fromTracTime(value: bigint | number | null): Date | null {
  if (value === null) return null;
  return new Date(typeof value === 'bigint' ? Number(value / 1000n) : Math.floor(value / 1000));
}

/** Trac time (microseconds) for a date, as the bigint the database compares against. */
export function toTracTime(date: Date): bigint {
  return BigInt(date.getTime()) * 1000n;
}

/** A LIKE pattern matching `term` anywhere, with LIKE's wildcards taken literally. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
