/**
 * Turns text into unit-length vectors. Vectors of different embedders never meet: each
 * stored vector records the `id` and `dimension` of the embedder that made it.
 */
export interface Embedder {
  /** Names the model and its version, e.g. `all-minilm-l6-v2-q`; stored with every vector. */
  readonly id: string;
  readonly dimension: number;
  /** True when this embedder only matches words, not meaning (the fallback without a model). */
  readonly degraded: boolean;
  /** One L2-normalised vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
  close(): Promise<void>;
}
