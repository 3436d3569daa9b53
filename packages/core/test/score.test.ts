import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoreReply } from '../src/score.js';

const message = (severity: 'error' | 'warning' | 'suggestion', category: any = 'human', critical = false) => ({ severity, category, critical });

describe('reply score', () => {
  it('is 100 with no messages', () => {
    expect(scoreReply([], 40).score).toBe(100);
  });

  it('follows 100 × units / (units + penalty)', () => {
    // 30 words → one unit; one error (weight 1) → 50.
    expect(scoreReply([message('error')], 30).score).toBe(50);
    // 120 words → two units; one error → 66.7.
    expect(scoreReply([message('error')], 120).score).toBe(66.7);
    expect(scoreReply([message('warning'), message('suggestion')], 30).penalty).toBe(0.5);
  });

  it('does not punish length alone: the same findings cost less in a longer reply', () => {
    const findings = [message('warning'), message('warning')];
    expect(scoreReply(findings, 300).score).toBeGreaterThan(scoreReply(findings, 30).score);
  });

  it('scores each PREACH category from its own messages', () => {
    const card = scoreReply([message('error', 'responsible'), message('suggestion', 'human')], 30);
    expect(card.categories.responsible).toBe(50);
    expect(card.categories.human).toBe(90.9);
    expect(card.categories.proud).toBe(100);
  });

  it('a critical message zeroes every score', () => {
    const card = scoreReply([message('error', 'responsible', true)], 30);
    expect(card).toMatchObject({ score: 0, critical: true });
    expect(Object.values(card.categories).every((v) => v === 0)).toBe(true);
  });

  it('uses configured weights', () => {
    const strict = { ...DEFAULT_SCORING, weights: { error: 3, warning: 1, suggestion: 0 } };
    expect(scoreReply([message('warning'), message('suggestion')], 30, strict).score).toBe(50);
  });
});
