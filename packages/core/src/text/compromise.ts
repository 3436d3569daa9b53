import { loadCompromise, type Nlp } from './load-compromise.js';

let loaded: Nlp | undefined;
const load = (): Nlp => (loaded ??= loadCompromise());

/**
 * compromise, loaded the first time it is called or asked for a property. Loading it builds its
 * lexicon and models, which costs more than the rest of start-up together, and most drafts are
 * checked without it (rules ask for `analysis.nlp()` only when a cheap test says it can matter).
 */
export const nlp: Nlp = new Proxy((() => undefined) as unknown as Nlp, {
  apply: (_target, _this, args: unknown[]) => Reflect.apply(load(), undefined, args),
  get: (_target, key) => {
    const value: unknown = Reflect.get(load(), key);
    return typeof value === 'function' ? value.bind(load()) : value;
  },
});
