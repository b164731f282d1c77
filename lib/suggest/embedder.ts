/**
 * The seam for a sentence-embedding model. None ships today: no package in the npm or Debian
 * registries carries multilingual embedding weights, and nothing may be fetched at run time. When one
 * does, an Embedder runs outside the brief's path (the worker at catalog refresh, an offscreen
 * document, or the team server), item vectors are stored per catalog version, the lead's text is
 * embedded once per profile fetch, and `suggestContent` receives the result as `SemanticMatch`: the
 * rules stay as they are.
 */
export interface Embedder {
  /** Names the model and its version: vectors from different models are never compared. */
  readonly model: string;
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

/** Precomputed vectors handed to the ranker; computing them is never the ranker's job. */
export interface SemanticMatch {
  lead: Float32Array;
  /** By content item id. An item without a vector is matched on words alone. */
  items: ReadonlyMap<string, Float32Array>;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    dot += a[i]! * b[i]!;
    normA += a[i]! * a[i]!;
    normB += b[i]! * b[i]!;
  }
  return normA && normB ? dot / Math.sqrt(normA * normB) : 0;
}
