import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runPreach, writeUnder } from './helpers/cli.js';
import { lintDrafts, lintJson, messagesOf, teamProject, type JsonResult } from './helpers/custom-rules.js';

/**
 * End-to-end: a team's own rules, through the real `preach` binary. The fixture project
 * (test/fixtures/custom-rules/project) loads one pack by path (./team-rules) and one by package
 * name (@acme/preach-rules, installed into the scratch copy's node_modules).
 */

let dir: string;
let cleanup: () => void;
/** Every draft below, linted in one run; each carries its conversation in front matter. */
let drafts: Record<string, JsonResult>;

const KIWI = 'kiwi\n';

beforeAll(async () => {
  ({ dir, cleanup } = teamProject());
  drafts = await lintDrafts(dir, {
    'jargon': { text: 'I moved it to the ticket queue as a P2.\nIt was a sev 1 incident, not a sev 2.\n', context: { customer_name: 'Priya Raman' } },
    'jargon-no-name': { text: 'It is in the war room.\n' },
    'country': { text: 'Let us know; we ship to the US.\n' },
    'opening-first': { text: 'Unfortunately the export failed. We are fixing it.\n' },
    'opening-later': { text: 'We are fixing the export. Unfortunately it takes a day.\n' },
    'raw-links': { text: 'Steps: https://bit.ly/3xYz and [the guide](https://tinyurl.com/abc).\n' },
    'swap': { text: 'Commence the import prior to Friday. We use GitHub and github. UTILISE it ASAP.\n' },
    'pattern': { text: 'We will definitely guarantee a fix. I can promise it is done in 2 hours. I cannot promise a time.\n' },
    'pattern-contraction': { text: "We'll definitely sort it.\n" },
    'closer-last': { text: 'Your refund is on its way. Is there anything else I can help with?\n' },
    'closer-first': { text: 'Is there anything else I can help with before I send it? It arrives Friday.\n' },
    'exclamations-chat': { text: 'Done! Enjoy! Bye!\n', context: { channel: 'chat' } },
    'exclamations-email': { text: 'Done! Enjoy!\n', context: { channel: 'email' } },
    'exclamations-sms': { text: 'Done!\n', context: { channel: 'sms' } },
    'name-missing': { text: 'Your export is ready.\n', context: { customer_name: 'Priya Raman' } },
    'name-overused': { text: 'Hi Priya, Priya, the export is ready, Priya.\n', context: { customer_name: 'Priya Raman' } },
    'name-unknown': { text: 'Your export is ready.\n' },
    'words-chat': { text: 'Thanks for waiting, I have checked your account and the export failed because the file was too large.\n', context: { channel: 'chat' } },
    'paragraphs': { text: 'One.\n\nTwo.\n\nThree.\n\nFour? Five?\n' },
    'sorry': { text: 'Sorry for the wait. Sorry again; we apologise.\n' },
    'sign-off-missing': { text: 'Hi Dana,\n\nYour refund is on its way.\n', context: { channel: 'email', agent_name: 'Sam' } },
    'sign-off-present': { text: 'Your refund is on its way.\n\nBest,\nSam\n', context: { channel: 'email' } },
    'sign-off-chat': { text: 'Your refund is on its way.\n', context: { channel: 'chat' } },
    'acknowledge': { text: 'The payment failed because the card expired.\n', context: { situation: 'billing-failure' } },
    'cheerful-to-upset': { text: 'Great news! We love this, awesome and wonderful!\n', context: { customer_message: 'This is terrible and I am angry.' } },
    'cheerful-to-nobody': { text: 'Great news! We love this, awesome and wonderful!\n' },
    'negative': { text: 'The export is fixed. This was a terrible, awful, horrible bug.\n' },
    // Conditions: every cond/* rule flags "kiwi" under one condition.
    'cond-none': { text: KIWI },
    'cond-refund': { text: KIWI, context: { situation: 'refund' } },
    'cond-refund-inferred': { text: KIWI, context: { customer_message: 'Where is my refund? It has been two weeks.' } },
    'cond-chargeback-inferred': { text: KIWI, context: { customer_message: 'I disputed the charge with my bank.' } },
    'cond-outage': { text: KIWI, context: { situation: 'outage' } },
    'cond-how-to': { text: KIWI, context: { situation: 'how-to' } },
    'cond-sms': { text: KIWI, context: { channel: 'sms' } },
    'cond-email': { text: KIWI, context: { channel: 'email' } },
    'cond-upset': { text: KIWI, context: { customer_message: 'This is terrible, I am furious.' } },
    'cond-happy': { text: KIWI, context: { customer_message: 'Thank you, you are wonderful and amazing!' } },
    'cond-invoices': { text: KIWI, context: { customer_message: 'Where can I download my invoices?' } },
    'cond-receipts': { text: KIWI, context: { customer_message: 'Where can I download my receipts?' } },
    'cond-named': { text: KIWI, context: { customer_name: 'Priya Raman' } },
    'cond-vip': { text: KIWI, context: { tags: ['vip'] } },
    'cond-free': { text: KIWI, context: { tags: ['free-plan'] } },
    'cond-tag-situation-email': { text: KIWI, context: { tags: ['billing_declined'], channel: 'email' } },
    'cond-billing': { text: KIWI, context: { situation: 'billing-failure' } },
    'cond-billing-email': { text: KIWI, context: { situation: 'billing-failure', channel: 'email' } },
  });
});
afterAll(() => cleanup());

const ids = (result: JsonResult, prefix: string) => messagesOf(result, prefix).map((m) => m.ruleId).sort();
const messages = (draft: string, rule: string) => messagesOf(drafts[draft]!, rule).map((m) => m.message);

describe('existence', () => {
  it('flags tokens and patterns, skips exceptions, fills {{match}} and {{customer_name}}, carries url and note', () => {
    const jargon = messagesOf(drafts.jargon!, 'kit/jargon');
    expect(jargon.map((m) => m.message)).toEqual([
      '"ticket queue" is internal; say what it means for Priya.',
      '"P2" is internal; say what it means for Priya.',
      '"sev 2" is internal; say what it means for Priya.',
    ]);
    expect(jargon[0]).toMatchObject({ severity: 'warning', category: 'articulate', line: 1, column: 19, endColumn: 31, url: 'https://kit.example/style#jargon', note: 'Customers never see our queues or priorities.' });
  });

  it('an unknown customer name reads as "the customer", never as a placeholder', () => {
    expect(messages('jargon-no-name', 'kit/jargon')).toEqual(['"war room" is internal; say what it means for the customer.']);
  });

  it('ignorecase: false matches only the exact case', () => {
    expect(messages('country', 'kit/spell-out-country')).toEqual(['Write "the United States" rather than "US".']);
  });

  it('scope: opening looks only at the first sentence', () => {
    expect(ids(drafts['opening-first']!, 'kit/unfortunately')).toEqual(['kit/unfortunately-first']);
    expect(ids(drafts['opening-later']!, 'kit/unfortunately')).toEqual([]);
  });

  it('scope: raw sees links, which prose hides; critical: true zeroes the score', () => {
    expect(drafts['raw-links']!.score).toBe(0);
    expect(messagesOf(drafts['raw-links']!, 'kit/shortened-links').every((m) => m.critical)).toBe(true);
    expect(messages('raw-links', 'kit/shortened-links')).toEqual([
      'Shortened link "bit.ly/3xYz": customers cannot see where it goes. Paste the full address.',
      'Shortened link "tinyurl.com/abc": customers cannot see where it goes. Paste the full address.',
    ]);
  });
});

describe('substitution', () => {
  it('offers every replacement, keeps the capitals of the text, and leaves correct text alone', () => {
    expect(messagesOf(drafts.swap!, 'kit/plain-words').map((m) => [m.message, m.fix?.text, m.fix?.alternatives])).toEqual([
      ['Say "Start” or “Begin" instead of "Commence".', 'Start', ['Begin']],
      ['Say "before" instead of "prior to".', 'before', []],
      ['Say "GitHub" instead of "github".', 'GitHub', []],
      // Shouting stays shouting; an acronym is replaced by the words as written.
      ['Say "USE" instead of "UTILISE".', 'USE', []],
      ['Say "by 3 pm" instead of "ASAP".', 'by 3 pm', []],
    ]);
  });

  it('regex swaps fill $1 from the match, and --fix rewrites the file', async () => {
    const file = join(dir, 'fix-me.md');
    writeFileSync(file, 'It takes 5-10 business days, or 3 business days by card. Please utilise the form.\n');
    const run = await runPreach(['lint', '--fix', 'fix-me.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('It takes 5 to 10 working days, or 3 working days by card. Please use the form.\n');
  });
});

describe('pattern (compromise match syntax)', () => {
  it('matches parts of speech, not just words', () => {
    expect(messages('pattern', 'kit/modal-promise')).toEqual([
      '"will definitely guarantee" promises what we may not control.',
      '"can promise" promises what we may not control.',
      '"2 hours" promises what we may not control.',
    ]);
  });

  it("finds words hidden in contractions (\"we'll\" is \"we will\"), and points at the words written", () => {
    expect(messagesOf(drafts['pattern-contraction']!, 'kit/modal-promise').map((m) => [m.message, m.column, m.endColumn])).toEqual([
      ['"definitely sort" promises what we may not control.', 7, 22],
    ]);
  });

  it('scope: closing looks only at the last sentence', () => {
    expect(messages('closer-last', 'kit/robotic-closer')).toEqual(['"anything else I can help" closes like a macro; end with the next step instead.']);
    expect(messages('closer-first', 'kit/robotic-closer')).toEqual([]);
  });
});

describe('occurrence', () => {
  it('limits per channel, with {{count}}, {{unit}}, {{max}} and {{channel}}', () => {
    expect(messagesOf(drafts['exclamations-chat']!, 'kit/exclamations').map((m) => [m.message, m.column])).toEqual([
      ['3 exclamation marks; 1 allowed on chat.', 12],
      ['3 exclamation marks; 1 allowed on chat.', 17],
    ]);
    expect(messages('exclamations-email', 'kit/exclamations')).toEqual([]);
    // `default` covers every channel not named.
    expect(messages('exclamations-sms', 'kit/exclamations')).toHaveLength(1);
  });

  it("counts the customer's name, only when the name is known", () => {
    expect(messages('name-missing', 'kit/name-once')).toEqual(["Use Priya's name once or twice (0 now)."]);
    expect(messagesOf(drafts['name-overused']!, 'kit/name-once').map((m) => m.column)).toEqual([39]);
    expect(messages('name-unknown', 'kit/name-once')).toEqual([]);
  });

  it('counts words, paragraphs, questions and chosen tokens', () => {
    expect(messages('words-chat', 'kit/short-chat')).toEqual(['18 words is long for chat; keep it under 12.']);
    expect(messagesOf(drafts.paragraphs!, 'kit/paragraphs').map((m) => [m.message, m.line])).toEqual([['Four or more paragraphs (4); trim to 3.', 7]]);
    expect(messages('paragraphs', 'kit/questions')).toEqual(['Ask one question at a time (2 here).']);
    expect(messages('sorry', 'kit/one-sorry')).toEqual(['Say sorry once ("Sorry" is number 3).', 'Say sorry once ("apologise" is number 3).']);
  });
});

describe('require', () => {
  it('asks for a sign-off in the closing of an e-mail, and points at the last sentence', () => {
    expect(messagesOf(drafts['sign-off-missing']!, 'kit/sign-off').map((m) => [m.message, m.line])).toEqual([['End the e-mail with a sign-off and your name, Sam.', 3]]);
    expect(messages('sign-off-present', 'kit/sign-off')).toEqual([]);
    expect(messages('sign-off-chat', 'kit/sign-off')).toEqual([]);
  });

  it('asks for an acknowledgement when the situation is sensitive', () => {
    expect(messages('acknowledge', 'kit/acknowledge')).toEqual(['Acknowledge the billing-failure before explaining.']);
  });
});

describe('sentiment', () => {
  it('bounds the reply relative to an upset customer, with {{reply}}, {{customer}}, {{value}}, {{max}}', () => {
    const [message] = messages('cheerful-to-upset', 'kit/too-cheerful');
    expect(message).toMatch(/^Reply \d+ vs customer -\d+: \d+ above their mood \(max 6\)\.$/);
    // Relative to nobody: without a customer message the rule has nothing to compare with.
    expect(messages('cheerful-to-nobody', 'kit/too-cheerful')).toEqual([]);
  });

  it('bounds the reply on its own, pointing at the most negative sentence', () => {
    expect(messagesOf(drafts.negative!, 'kit/too-cold').map((m) => [m.message, m.column])).toEqual([['The reply reads negative (-9); is "This was a terrible, awful, horrible bug." needed?', 22]]);
  });
});

describe('conditions (`when`)', () => {
  /** Which cond/* rules fired on a draft: which conditions held. */
  const held = (draft: string) => ids(drafts[draft]!, 'cond/').map((id) => id.slice('cond/'.length));

  it('with no context, only "name unknown" holds', () => {
    expect(held('cond-none')).toEqual(['name-unknown']);
  });

  it('situation: given, inferred from the customer message, or a team situation from config', () => {
    expect(held('cond-refund')).toEqual(['name-unknown', 'sensitivity-at-least', 'situation']);
    expect(held('cond-refund-inferred')).toContain('situation');
    expect(held('cond-chargeback-inferred')).toContain('situation');
    expect(held('cond-outage')).not.toContain('situation');
  });

  it('sensitivity: a minimum level, or a list of exact levels', () => {
    expect(held('cond-outage')).toEqual(['name-unknown', 'sensitivity-at-least']);
    expect(held('cond-how-to')).toEqual(['name-unknown', 'sensitivity-exactly']);
  });

  it('channel', () => {
    expect(held('cond-sms')).toContain('channel');
    expect(held('cond-email')).not.toContain('channel');
  });

  it('customer_sentiment: negative and positive', () => {
    expect(held('cond-upset')).toContain('customer-negative');
    expect(held('cond-happy')).toContain('customer-positive');
    expect(held('cond-happy')).not.toContain('customer-negative');
  });

  it('customer_message_matches', () => {
    expect(held('cond-invoices')).toContain('customer-message');
    expect(held('cond-receipts')).not.toContain('customer-message');
  });

  it('customer_name_known: true and false', () => {
    expect(held('cond-named')).toEqual(['name-known']);
    expect(messages('cond-named', 'cond/name-known')).toEqual(['name known: Priya']);
  });

  it('tags, and tags that name a situation in config', () => {
    expect(held('cond-vip')).toContain('tags');
    expect(held('cond-free')).not.toContain('tags');
    expect(held('cond-tag-situation-email')).toContain('combined');
  });

  it('several conditions must all hold', () => {
    expect(held('cond-billing')).not.toContain('combined');
    expect(held('cond-email')).not.toContain('combined');
    expect(held('cond-billing-email')).toContain('combined');
  });

  it('command-line flags give the context too', async () => {
    const result = await lintJson(dir, KIWI, ['--channel', 'sms', '--tag', 'enterprise', '--customer-name', 'Priya', '--situation', 'refund']);
    expect(ids(result, 'cond/')).toEqual(['cond/channel', 'cond/name-known', 'cond/sensitivity-at-least', 'cond/situation', 'cond/tags']);
  });
});

describe('packs', () => {
  it('loads rules by path and by package name, with the code rules and vocabulary of the package', async () => {
    const result = await lintJson(dir, 'Thank you, sir. Order ORD-12354 has shipped; a CSAT survey follows.\n', ['--customer-message', 'Where is ORD-12345?']);
    expect(messagesOf(result, 'acme/').map((m) => [m.ruleId, m.message, m.fix?.text])).toEqual([
      ['acme/no-sir', '"sir" is too formal for Acme.', undefined],
      ['acme/order-number', "ORD-12354 is not the customer's order (ORD-12345).", 'ORD-12345'],
    ]);
    // "CSAT" is in the package's vocabulary.txt, so the built-in jargon rule leaves it alone.
    expect(messagesOf(result, 'internal-jargon')).toEqual([]);
    const withoutPack = await runPreach(['lint', '--no-config', '--format', 'json', '-'], { cwd: dir, input: 'A CSAT survey follows.\n' });
    expect(JSON.parse(withoutPack.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('internal-jargon');
  });

  it('a bare folder name works as well as ./folder', async () => {
    writeFileSync(join(dir, 'bare.preachrc.yaml'), 'root: true\npacks: [team-rules]\n');
    const run = await runPreach(['lint', '--config', 'bare.preachrc.yaml', '--format', 'json', '-'], { cwd: dir, input: 'It is in the ticket queue.\n' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['kit/jargon']);
  });

  it('config turns pack rules off, changes their severity, options and conditions', async () => {
    writeFileSync(
      join(dir, 'tuned.preachrc.yaml'),
      [
        'root: true',
        'packs: [./team-rules, "@acme/preach-rules"]',
        'rules:',
        '  acme/no-sir: off',
        '  kit/jargon: [error, { tokens: [pipeline] }]',
        '  kit/spell-out-country: { when: { channel: [email] } }',
        '',
      ].join('\n'),
    );
    const text = 'Thanks, sir. Pipeline, war room. We ship to the US.\n';
    const chat = await runPreach(['lint', '--config', 'tuned.preachrc.yaml', '--format', 'json', '--channel', 'chat', '-'], { cwd: dir, input: text });
    const messages = JSON.parse(chat.stdout)[0].messages as Array<{ ruleId: string; severity: string; message: string }>;
    expect(messages.filter((m) => /^(acme|kit)\//.test(m.ruleId)).map((m) => [m.ruleId, m.severity, m.message])).toEqual([
      ['kit/jargon', 'error', '"Pipeline" is internal; say what it means for the customer.'],
    ]);
    const email = await runPreach(['lint', '--config', 'tuned.preachrc.yaml', '--format', 'json', '--channel', 'email', '-'], { cwd: dir, input: text });
    expect(JSON.parse(email.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toContain('kit/spell-out-country');
  });

  it("a code pack's @preach/core is the engine running it, never a copy from the pack's node_modules", async () => {
    // The copy beside the pack fails if anything loads it: the pack must get the running engine.
    writeUnder(dir, 'own-core-pack/node_modules/@preach/core/package.json', '{"name":"@preach/core","type":"module","main":"index.js"}\n');
    writeUnder(dir, 'own-core-pack/node_modules/@preach/core/index.js', "throw new Error('a second copy of @preach/core was loaded');\n");
    writeUnder(
      dir,
      'own-core-pack/index.mjs',
      [
        "import { defineRule } from '@preach/core';",
        'export default [',
        "  defineRule({ id: 'own/kiwi', category: 'articulate', severity: 'warning', docs: { description: 'Kiwi.', why: 'Kiwi.', examples: { bad: [{ text: 'kiwi' }], good: [{ text: 'apple' }] } } },",
        "    (context) => { for (const match of context.prose.matchAll(/kiwi/g)) context.report({ message: 'No kiwi.', start: match.index, end: match.index + 4 }); }),",
        '];',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'own-core.preachrc.yaml'), 'root: true\npacks: [./own-core-pack]\n');
    // In a process of its own, as a user runs it: how Node resolves the pack's imports is the point.
    const run = await runPreach(['lint', '--config', 'own-core.preachrc.yaml', '--format', 'json', '-'], { cwd: dir, input: 'A kiwi.\n', process: true });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(['own/kiwi']);
  });

  it('a pack that is not installed says how to install it', async () => {
    writeFileSync(join(dir, 'missing.preachrc.yaml'), 'root: true\npacks:\n  - "@acme/no-such-pack"\n');
    const run = await runPreach(['lint', '--config', 'missing.preachrc.yaml', '-'], { cwd: dir, input: 'Hello.\n' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.preachrc.yaml:3:5: packs: pack package "@acme/no-such-pack" is not installed');
    expect(run.stderr).toContain('npm install --save-dev @acme/no-such-pack');
  });
});

describe('preach rules and preach explain', () => {
  it('preach rules lists pack rules with their origin, kind and severity', async () => {
    const run = await runPreach(['rules', '--format', 'json'], { cwd: dir });
    const rows = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
    expect(rows.find((row) => row.id === 'kit/modal-promise')).toMatchObject({ origin: './team-rules', kind: 'pattern', severity: 'error', category: 'responsible' });
    expect(rows.find((row) => row.id === 'acme/order-number')).toMatchObject({ origin: '@acme/preach-rules', kind: 'code', fixable: true });
    expect(rows.find((row) => row.id === 'formal-word')).toMatchObject({ origin: 'preach:recommended' });
    const text = await runPreach(['rules'], { cwd: dir });
    expect(text.stdout).toMatch(/kit\/plain-words\s+suggestion\s+Say "…" instead of "…"\. \[fix, \.\/team-rules\]/);
  });

  it('preach explain shows a pack rule: what it checks, when, where from, and its examples', async () => {
    const run = await runPreach(['explain', 'kit/sign-off'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Checks: Requires one of "Best", "Regards", "Thanks", "Cheers", in the last sentence.');
    expect(run.stdout).toContain('Applies when: channel is email');
    expect(run.stdout).toMatch(/From: \.\/team-rules \(.*team-rules\/sign-off\.yaml\)/);
    expect(run.stdout).toContain('✖ Your refund is on its way.');
    const code = await runPreach(['explain', 'acme/order-number'], { cwd: dir });
    expect(code.stdout).toContain("An order number in the reply that is not the customer's.");
    expect(code.stdout).toContain('Why: A wrong order number means the reply was written for someone else.');
    expect(code.stdout).toContain('From: @acme/preach-rules');
  });

  it('preach explain suggests the right id for a typo', async () => {
    const run = await runPreach(['explain', 'kit/modal-promises'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Did you mean "kit/modal-promise"?');
  });
});

describe('preach test-rules', () => {
  it('passes on the sample team pack in rules/examples', async () => {
    const run = await runPreach(['test-rules', 'rules/examples'], { cwd: ROOT });
    expect(run.stdout).toMatch(/18 rules, \d+ examples, 0 failed/);
    expect(run.code).toBe(0);
  });

  it('tests a folder and an installed package, runs code rules, and warns about rules without examples', async () => {
    const run = await runPreach(['test-rules', 'team-rules', '@acme/preach-rules'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('✔ kit/modal-promise (3 examples)');
    expect(run.stdout).toContain('✔ acme/order-number (2 examples)');
    expect(run.stdout).toContain('⚠ cond/tags has no examples');
  });

  it("uses the config's own situations in examples", async () => {
    const rule = 'id: kit/chargeback-calm\nkind: existence\ncategory: empathetic\nmessage: calm\ntokens: [asap]\nwhen: { situation: [chargeback] }\nexamples:\n  bad:\n    - text: Refund ASAP.\n      context: { customer_message: I disputed the charge. }\n';
    writeFileSync(join(dir, 'chargeback.yaml'), rule);
    const run = await runPreach(['test-rules', 'chargeback.yaml'], { cwd: dir });
    expect(run.stdout).toContain('✔ kit/chargeback-calm (1 example)');
    expect(run.code).toBe(0);
  });

  it('fails with exit 1 and says which example failed and why', async () => {
    const rule = [
      'id: kit/broken-examples',
      'kind: existence',
      'category: human',
      'message: no "{{match}}"',
      'tokens: [asap]',
      'when: { channel: [email] }',
      'examples:',
      '  bad:',
      '    - Send it ASAP.',
      '    - text: ASAP, ASAP.',
      '      context: { channel: email }',
      '      count: 1',
      '  good:',
      '    - text: Send it asap.',
      '      context: { channel: email }',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'broken-examples.yaml'), rule);
    const run = await runPreach(['test-rules', 'broken-examples.yaml'], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✖ kit/broken-examples (3 of 3 examples failed)');
    expect(run.stdout).toContain("bad example 1: \"Send it ASAP.\"\n      bad example was not flagged: the rule's `when` does not hold (channel is unknown, not email)");
    expect(run.stdout).toContain('bad example 2: "ASAP, ASAP." (channel: email)\n      expected 1 message(s), got 2');
    expect(run.stdout).toContain('good example 1: "Send it asap." (channel: email)\n      good example was flagged: 1:9 no "asap"');
    expect(run.stdout).toContain('1 rules, 3 examples, 3 failed');
    const json = await runPreach(['test-rules', '--format', 'json', 'broken-examples.yaml'], { cwd: dir });
    expect(JSON.parse(json.stdout).outcomes.filter((o: { passed: boolean }) => !o.passed)).toHaveLength(3);
  });
});
