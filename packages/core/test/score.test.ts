import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING, scoreReply } from '../src/score.js';

const message = (severity: 'error' | 'warning' | 'suggestion', category: any = 'human', critical = false, ruleId = 'some-rule') => ({ severity, category, critical, ruleId });

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

  it('a critical message zeroes the reply (an auto-fail), not its PREACH categories', () => {
    const card = scoreReply([message('error', 'responsible', true, 'asks-for-secret'), message('suggestion', 'human')], 30);
    expect(card).toMatchObject({ score: 0, critical: true, autoFail: ['asks-for-secret'] });
    // Each category keeps the score of its own findings: the password request costs Responsible
    // what any error costs; the other categories are untouched by it.
    expect(card.categories).toEqual({ proud: 100, responsible: 50, empathetic: 100, articulate: 100, concise: 100, human: 90.9 });
  });

  it('names every critical rule that fired, once each, and none when nothing critical fired', () => {
    const card = scoreReply([message('error', 'responsible', true, 'sensitive-data-in-reply'), message('error', 'responsible', true, 'asks-for-secret'), message('error', 'responsible', true, 'asks-for-secret')], 30);
    expect(card.autoFail).toEqual(['asks-for-secret', 'sensitive-data-in-reply']);
    expect(scoreReply([message('error')], 30)).toMatchObject({ critical: false, autoFail: [] });
  });

  it('uses configured weights', () => {
    const strict = { ...DEFAULT_SCORING, weights: { error: 3, warning: 1, suggestion: 0 } };
    expect(scoreReply([message('warning'), message('suggestion')], 30, strict).score).toBe(50);
  });
});
