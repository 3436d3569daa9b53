import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain script, without types
import { measure } from '../../scripts/i18n-dev.mjs';

/**
 * The Thai, Korean and Chinese lexicons on their development sets (data/customer-messages-i18n):
 * a guard against a phrase change that breaks what worked. The blind sets measure them.
 */
describe.each(['th', 'ko', 'zh'])('%s development set', (language) => {
  it('keeps situation accuracy at 90% or more, mood at 75% or more', () => {
    const result = measure(language);
    expect(result.messages).toBeGreaterThanOrEqual(20);
    expect(result.situation, result.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(result.mood).toBeGreaterThanOrEqual(0.75);
  });
});
