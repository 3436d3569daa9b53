import levenshtein from 'damerau-levenshtein';

/**
 * The candidate a mistyped `value` most likely meant, for "Did you mean …?" hints: the nearest by
 * edit distance (case ignored; two swapped letters count as one edit), when it is no further than
 * a third of the value's length, or `atLeast` edits for a short value. Undefined when none is near.
 */
export function closestMatch<T extends string>(value: string, candidates: Iterable<T>, atLeast = 2): T | undefined {
  const wanted = value.toLowerCase();
  let best: T | undefined;
  let bestSteps = Infinity;
  for (const candidate of candidates) {
    const { steps } = levenshtein(wanted, candidate.toLowerCase());
    if (steps < bestSteps) [best, bestSteps] = [candidate, steps];
  }
  return best !== undefined && bestSteps <= Math.max(atLeast, Math.floor(value.length / 3)) ? best : undefined;
}
