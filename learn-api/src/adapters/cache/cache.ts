/** String key-value cache with optional expiry; values are the caller's to encode. */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get(key: string): Promise<string | null>;
  set(key: string, value: string, options?: { ttlSeconds?: number }): Promise<void>;
  delete(key: string): Promise<void>;
  /** Resolves when the cache answers; rejects with the reason when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
