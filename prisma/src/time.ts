// Trac stores times as integer microseconds since the Unix epoch.

export function toTracTime(date: Date): bigint {
  return BigInt(date.getTime()) * 1000n;
}

export function fromTracTime(micros: bigint | number): Date {
  return new Date(Number(BigInt(micros) / 1000n));
}
