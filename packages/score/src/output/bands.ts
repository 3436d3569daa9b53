/** Bands as Acrolinx draws them: 80 and up is good, below 60 needs work. */
export function band(score: number | null): 'good' | 'fair' | 'poor' | 'none' {
  if (score === null) return 'none';
  return score >= 80 ? 'good' : score >= 60 ? 'fair' : 'poor';
}
