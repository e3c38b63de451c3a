// Trac stores times as integer microseconds since the Unix epoch.

export function toTracTime(date: Date): bigint {
  return BigInt(date.getTime()) * 1000n;
}

/** The moment a Trac time stands for; a missing time stays missing. */
export function fromTracTime(micros: bigint | number): Date;
export function fromTracTime(micros: bigint | number | null): Date | null;
export function fromTracTime(micros: bigint | number | null): Date | null {
  if (micros === null) return null;
  return new Date(typeof micros === 'bigint' ? Number(micros / 1000n) : Math.floor(micros / 1000));
}
