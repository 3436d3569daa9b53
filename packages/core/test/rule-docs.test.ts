import { describe, expect, it } from 'vitest';
import { describeConditions, ruleMarkdown, ruleText } from '../src/rule-docs.js';
import { compileKind } from './kinds/run.js';

describe('rule docs renderer', () => {
  const rule = compileKind('existence', { tokens: ['kindly'], when: { channel: ['chat'] }, why: 'It reads as a demand.', examples: { bad: ['Kindly wait.'], good: ['Please wait.'] } }, 'Avoid "{{match}}".');

  it('renders the reference page from the rule', () => {
    const page = ruleMarkdown(rule);
    expect(page).toMatch(/^# test\/existence\n\n\*\*A · Articulate\*\* · default severity: `warning` · `existence` rule · languages: every language\n/);
    expect(page).toContain('## When it applies\n\nOnly when channel is chat.');
    expect(page).toContain('## Flagged\n\n```text\nKindly wait.\n```');
  });

  it('renders terminal text with the severity and options a config gives, in the caller’s style', () => {
    const bold = (text: string) => `*${text}*`;
    const style = { bold, dim: (text: string) => text, red: (text: string) => text, green: (text: string) => text };
    const text = ruleText(rule, { rule, severity: 'error', options: { tokens: ['please'] } }, style);
    expect(text).toContain('*Severity:* error (default warning)');
    expect(text).toContain('*Checks:* Looks for "please".');
    expect(text).toContain('*Applies when:* channel is chat');
    expect(ruleText(rule, undefined)).toContain('Severity: off (default warning)');
  });

  it('says conditions in words', () => {
    expect(describeConditions({ situation: ['refund', 'outage'], sensitivity: 'medium', customer_name_known: false })).toBe(
      "situation is refund or outage, and sensitivity is medium or higher, and the customer's name is unknown",
    );
  });
});
