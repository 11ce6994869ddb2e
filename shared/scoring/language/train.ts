/**
 * Logistic regression over word and word-pair features, trained by plain gradient descent with
 * L2 regularisation: small, deterministic (same data, same model), and explainable (every
 * feature has one weight a person can read). Used by scripts/train-language-model.ts.
 */
import { featuresOf } from './features.ts';

export interface LanguageModel {
  version: string;
  bias: number;
  weights: Record<string, number>;
}

export interface Example {
  folded: string;
  lure: boolean;
}

export function trainLanguageModel(
  examples: readonly Example[],
  options: {
    epochs?: number;
    rate?: number;
    l2?: number;
    minDocs?: number;
    /** Weights smaller than this are dropped: they barely move a score and cost bundle size. */
    minWeight?: number;
    version: string;
  },
): LanguageModel {
  const docs = examples.map((e) => ({ f: [...featuresOf(e.folded)], y: e.lure ? 1 : 0 }));
  // Only features seen in at least minDocs messages: a word from one message is memorising it.
  const df = new Map<string, number>();
  for (const d of docs) for (const f of d.f) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df.entries()]
    .filter(([, n]) => n >= (options.minDocs ?? 2))
    .map(([f]) => f)
    .sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const rows = docs.map((d) => ({
    x: d.f.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: d.y,
  }));
  const w = new Float64Array(vocabulary.length);
  let b = 0;
  const rate = options.rate ?? 0.5;
  const l2 = options.l2 ?? 0.01;
  for (let epoch = 0; epoch < (options.epochs ?? 300); epoch++) {
    const grad = new Float64Array(vocabulary.length);
    let gb = 0;
    for (const r of rows) {
      let z = b;
      for (const i of r.x) z += w[i]!;
      const err = 1 / (1 + Math.exp(-z)) - r.y;
      gb += err;
      for (const i of r.x) grad[i]! += err;
    }
    for (let i = 0; i < w.length; i++) w[i]! -= rate * (grad[i]! / rows.length + l2 * w[i]!);
    b -= (rate * gb) / rows.length;
  }
  const weights: Record<string, number> = {};
  vocabulary.forEach((f, i) => {
    const v = Math.round(w[i]! * 1000) / 1000;
    if (Math.abs(v) >= (options.minWeight ?? 0.01)) weights[f] = v;
  });
  return { version: options.version, bias: Math.round(b * 1000) / 1000, weights };
}
