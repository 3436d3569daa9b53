import type { Span } from '@preach/core';

/** Keeps the longest of overlapping findings ("at this point in time" over "point in time"). */
export function longestFirst<T extends Span>(findings: readonly T[]): T[] {
  const kept: T[] = [];
  for (const finding of [...findings].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!kept.some((other) => finding.start < other.end && other.start < finding.end)) kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start);
}
