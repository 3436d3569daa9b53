/**
 * A linear classifier over named features, as trained by scripts/model/train.mjs: one weight per
 * (feature, class). Scoring a message adds the weights of the features it has, so inference is a
 * few hundred additions and the features that decided a class can be named as evidence.
 */
export interface LinearModel {
  classes: readonly string[];
  /** Feature name → its row in `weights`. */
  index: ReadonlyMap<string, number>;
  /**
   * Row-major signed bytes, as shipped: the weight of (row, class) is
   * `Math.fround(weights[row * stride + offset + class] * scale)`, the value a Float32Array
   * would hold, from a quarter of the memory. Models unpacked together share one array, a
   * feature's weights for every model side by side: reading a message touches one stretch of
   * memory per feature, not one per model.
   */
  weights: Int8Array;
  scale: number;
  stride: number;
  offset: number;
}

/** Models as shipped: feature names once, each model's weights as bytes (weight / scale), base64. */
export interface PackedModels {
  features: string;
  models: Record<string, { classes: string[]; scale: number; weights: string }>;
}

export interface Prediction {
  label: string;
  /** Softmax of the class scores: how sure the model is, 0-1. */
  confidence: number;
  /** Up to `evidence` accepted features that pushed hardest toward `label`, strongest first, as positions in the features given. */
  support: number[];
}

/** Node's Buffer decodes natively; browsers (no Buffer) use atob, which is native there. */
function decodeBase64(text: string): Int8Array {
  const buffer = (globalThis as { Buffer?: { from(text: string, encoding: 'base64'): Uint8Array } }).Buffer;
  if (buffer) {
    const bytes = buffer.from(text, 'base64');
    return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  const binary = atob(text);
  const bytes = new Int8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = (binary.charCodeAt(i) << 24) >> 24;
  return bytes;
}

/** Unpacks shipped models (feature index and weights array shared by all models). */
export function unpackModels(packed: PackedModels): Record<string, LinearModel> {
  const index = new Map<string, number>();
  packed.features.split('\n').forEach((feature, row) => index.set(feature, row));
  const models = Object.entries(packed.models);
  const stride = models.reduce((width, [, { classes }]) => width + classes.length, 0);
  const values = new Int8Array(index.size * stride);
  const out: Record<string, LinearModel> = {};
  let offset = 0;
  for (const [name, { classes, scale, weights }] of models) {
    const bytes = decodeBase64(weights);
    const width = classes.length;
    // Each byte is a signed weight / scale, row-major with `width` weights a row.
    for (let row = 0; row < index.size; row++) {
      for (let c = 0; c < width; c++) values[row * stride + offset + c] = bytes[row * width + c]!;
    }
    out[name] = { classes, index, weights: values, scale, stride, offset };
    offset += width;
  }
  return out;
}

/** Class scores of the message being predicted: one buffer, not a new one per prediction. */
let scratch = new Float64Array(16);

export interface PredictOptions {
  /** Features that may be named as evidence (`at`: the feature's position in the features given). */
  accept?: (feature: string, at: number) => boolean;
  /** How many evidence features to return. */
  evidence?: number;
  /** Classes the caller rules out for this message (the best remaining one wins). */
  ruledOut?: ReadonlySet<string>;
}

/** The features a message has that the models know, as rows (all models share one index). */
export interface KnownFeatures {
  names: string[];
  rows: number[];
}

export function knownFeatures(index: ReadonlyMap<string, number>, features: readonly string[]): KnownFeatures {
  const names: string[] = [];
  const rows: number[] = [];
  for (const feature of features) {
    const row = index.get(feature);
    if (row === undefined) continue;
    names.push(feature);
    rows.push(row);
  }
  return { names, rows };
}

export function predict(model: LinearModel, known: KnownFeatures, { accept = () => true, evidence = 3, ruledOut }: PredictOptions = {}): Prediction {
  const classes = model.classes.length;
  if (scratch.length < classes) scratch = new Float64Array(classes);
  const scores = scratch.fill(0, 0, classes);
  const { weights, scale, stride, offset } = model;
  const { names, rows } = known;
  for (const row of rows) {
    const at = row * stride + offset;
    for (let c = 0; c < classes; c++) scores[c]! += Math.fround(weights[at + c]! * scale);
  }
  let best = -1;
  for (let c = 0; c < classes; c++) if (!ruledOut?.has(model.classes[c]!) && (best < 0 || scores[c]! > scores[best]!)) best = c;
  let total = 0;
  for (let c = 0; c < classes; c++) total += Math.exp(scores[c]! - scores[best]!);
  // The strongest few supporting features, by insertion into a short sorted list.
  const top: Array<{ at: number; weight: number }> = [];
  for (let i = 0; i < names.length; i++) {
    const weight = Math.fround(weights[rows[i]! * stride + offset + best]! * scale);
    if (weight <= 0 || !accept(names[i]!, i)) continue;
    if (top.length === evidence && weight <= top[evidence - 1]!.weight) continue;
    let at = top.length;
    while (at > 0 && top[at - 1]!.weight < weight) at--;
    top.splice(at, 0, { at: i, weight });
    if (top.length > evidence) top.pop();
  }
  return { label: model.classes[best]!, confidence: 1 / total, support: top.map((f) => f.at) };
}
