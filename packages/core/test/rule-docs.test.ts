import { describe, expect, it } from 'vitest';
import { describeConditions, findingsMarkdown, ruleGist, ruleMarkdown, ruleText } from '../src/rule-docs.js';
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

  it('renders the findings at one place for an editor’s hover, with each rule’s why and a good example', () => {
    const multiline = compileKind('existence', { tokens: ['asap'], why: 'It promises nothing.', examples: { bad: ['Fixed asap.'], good: ['Hi Priya,\n\nFixed by Friday.'] } });
    const gists = { [rule.meta.id]: ruleGist(rule) };
    const finding = { ruleId: rule.meta.id, message: 'Avoid "kindly".', category: 'articulate' as const, severity: 'warning' as const };
    expect(findingsMarkdown([{ ...finding, note: 'Say please.', url: 'https://example.com/kindly' }], gists)).toBe(
      ['**preach** · `test/existence` (articulate, warning)', '', 'Avoid "kindly".', '', 'Say please.', '', '**Why:** It reads as a demand.', '', '**Good:** “Please wait.”', '', '[Rule docs](https://example.com/kindly)'].join('\n'),
    );
    // Two findings: one section each; a rule without docs at hand shows its message only; a good example is one line.
    const two = findingsMarkdown([finding, { ...finding, ruleId: 'team/other', message: 'Other.' }], gists);
    expect(two.split('\n\n---\n\n')).toHaveLength(2);
    expect(two).toMatch(/`team\/other` \(articulate, warning\)\n\nOther\.$/);
    expect(findingsMarkdown([finding], { [rule.meta.id]: ruleGist(multiline) })).toContain('**Good:** “Hi Priya, Fixed by Friday.”');
  });
});
