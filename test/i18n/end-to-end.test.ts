import { join } from 'node:path';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPreach, scratchDir, writeUnder } from '../helpers/cli.js';
import { LspClient, pathUri } from '../lsp-client.mjs';

/** Thai, Korean and Chinese replies through what a user touches: the binary, the language server, a config file. */

let dir: string;
let cleanup: () => void;
const write = (path: string, content: string) => writeUnder(dir, path, content);
const ruleIds = (messages: Array<{ ruleId: string }>) => messages.map((message) => message.ruleId);

beforeAll(() => {
  ({ dir, cleanup } = scratchDir('preach-i18n-'));
  write('.preachrc.yaml', 'root: true\nextends: [preach:recommended]\n');
});
afterAll(() => cleanup());

async function lintJson(args: string[]) {
  const run = await runPreach(['lint', '--format', 'json', ...args], { cwd: dir });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout) as Array<Record<string, any>>;
}

describe('preach lint in Thai, Korean and Chinese', () => {
  it('checks drafts by the language front matter gives, or the one detected', async () => {
    write('ko.md', '---\nlanguage: ko\ncustomer_message: 카드 결제가 실패했어요.\n---\n비밀번호 알려 줘 ㅋㅋ\n');
    write('zh.md', '---\ncustomer_message: 我的银行卡扣款失败了，会员也被停了。\n---\n亲~请提供您的卡号和安全码，我们会尽快处理。\n');
    write('th.md', '---\ncustomer_name: สมชาย ใจดี\nchannel: email\n---\nสมชาย ทางเราจะคืนเงินให้โดยเร็วที่สุด\n');
    const [ko, th, zh] = await lintJson(['ko.md', 'th.md', 'zh.md']);
    expect(ko!.language).toEqual({ id: 'ko', source: 'given', supported: true });
    expect(ruleIds(ko!.messages)).toEqual(['ko/asks-for-secret', 'ko/register', 'ko/playful-in-sensitive-situation']);
    expect(ko!.score).toBe(0);
    expect(zh!.language).toEqual({ id: 'zh', source: 'detected', supported: true });
    expect(zh!.situation.id).toBe('billing-failure');
    expect(ruleIds(zh!.messages)).toEqual(expect.arrayContaining(['zh/asks-for-secret', 'zh/vague-timeline', 'zh/playful-in-sensitive-situation']));
    expect(th!.language).toMatchObject({ id: 'th', source: 'detected' });
    expect(ruleIds(th!.messages)).toEqual(expect.arrayContaining(['th/name-honorific', 'th/register']));
  });

  it('takes --language from the command line, and says so in the summary', async () => {
    write('short.md', 'OK 👍\n');
    const [result] = await lintJson(['--language', 'zh', '--situation', 'outage', 'short.md']);
    expect(result!.language).toEqual({ id: 'zh', source: 'given', supported: true });
    expect(ruleIds(result!.messages)).toEqual(['emoji-in-sensitive-situation']);
    const stylish = await runPreach(['lint', '--language', 'zh', 'short.md'], { cwd: dir });
    expect(stylish.stdout).toContain('language zh (given)');
    const bad = await runPreach(['lint', '--language', 'korean!', 'short.md'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--language needs a language tag/);
  });

  it('says once that a language has no rules, and runs no English rule on it', async () => {
    write('fr.md', 'Bonjour, nous utilisons votre carte pour le remboursement, il arrivera demain matin.\n');
    const [result] = await lintJson(['fr.md']);
    expect(result!.messages.map((m: any) => [m.ruleId, m.severity])).toEqual([['language', 'suggestion']]);
    expect(result!.score).toBe(100);
  });

  it('runs a team’s own Korean and Chinese rules from a config file on segmented words', async () => {
    write(
      'team/.preachrc.yaml',
      [
        'root: true',
        'extends: [preach:recommended]',
        'language: zh',
        'packs: [./rules]',
      ].join('\n') + '\n',
    );
    write('team/rules/ticket-word.yaml', 'id: acme/ticket-word\nkind: substitution\ncategory: human\nmessage: \'Write "{{replacement}}", not "{{match}}".\'\nswap:\n  工单: 服务单\n');
    write('team/rules/no-asap.yaml', 'id: acme/no-asap\nkind: existence\nlanguages: [zh]\ncategory: responsible\nmessage: \'"{{match}}" is not a time.\'\ntokens: [尽快, 快]\n');
    write('team/draft.md', '您的工单已关闭，快递会尽快送到。\n');
    const [result] = await lintJson(['team/draft.md']);
    expect(result!.language).toEqual({ id: 'zh', source: 'config', supported: true });
    const team = result!.messages.filter((m: any) => m.ruleId.startsWith('acme/'));
    expect(team.map((m: any) => [m.ruleId, m.column])).toEqual([
      ['acme/ticket-word', 3],
      ['acme/no-asap', 12],
    ]);
    const fixed = await runPreach(['lint', '--fix', 'team/draft.md'], { cwd: dir });
    expect(fixed.stderr).toBe('');
    expect(readFileSync(join(dir, 'team/draft.md'), 'utf8')).toBe('您的服务单已关闭，快递会尽快送到。\n');
  });
});

describe('preach score in Thai, Korean and Chinese', () => {
  it('scores each conversation in its language, from the record or detected', async () => {
    const records = [
      { id: 'th-1', channel: 'chat', customer_name: 'สมชาย ใจดี', messages: [{ role: 'customer', text: 'บัตรเครดิตชำระเงินไม่ผ่าน ตัดเงินไม่สำเร็จค่ะ' }, { role: 'agent', author: 'Nok', text: 'กรุณาส่งรหัส OTP มาให้เราด้วยนะคะ 555' }] },
      { id: 'ko-1', language: 'ko', channel: 'chat', messages: [{ role: 'customer', text: '앱이 두 시간째 접속이 안 돼요.' }, { role: 'agent', author: 'Min', text: '곧 복구될 예정입니다. 불편을 드려 죄송합니다.' }] },
      { id: 'zh-1', channel: 'chat', customer_name: '王伟', messages: [{ role: 'customer', text: '我要退款，已经等了一周了。' }, { role: 'agent', author: 'Li', text: '王先生您好，退款已于今天上午原路退回，1-3个工作日到账。' }] },
      { id: 'bad-1', language: 'not a language', messages: [{ role: 'customer', text: 'hi' }, { role: 'agent', text: 'hello' }] },
    ];
    write('transcripts.jsonl', records.map((record) => JSON.stringify(record)).join('\n') + '\n');
    const run = await runPreach(['score', 'transcripts.jsonl', '--format', 'json', '--jobs', '1', '--no-progress'], { cwd: dir });
    const report = JSON.parse(run.stdout);
    const byId = Object.fromEntries(report.conversations.map((c: any) => [c.id, c]));
    const findings = (id: string) => byId[id].messages.flatMap((m: any) => m.findings.map((f: any) => f.ruleId));
    expect(findings('th-1')).toEqual(expect.arrayContaining(['th/asks-for-secret', 'th/playful-in-sensitive-situation']));
    expect(byId['th-1'].score).toBe(0);
    expect(findings('ko-1')).toEqual(expect.arrayContaining(['ko/vague-timeline', 'ko/apology-boilerplate']));
    expect(findings('zh-1')).toEqual([]);
    expect(byId['zh-1'].score).toBe(100);
    // One bad record is reported alone; the rest are scored.
    expect(report.errors).toEqual([expect.objectContaining({ id: 'bad-1', line: 4, reason: expect.stringMatching(/language "not a language"/) })]);
  });
});

describe('the language server in Thai, Korean and Chinese', () => {
  let root: string;
  let client: LspClient;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'preach-lsp-i18n-'));
    writeFileSync(join(root, '.preachrc.yaml'), 'root: true\nextends: preach:recommended\n');
    client = await LspClient.start({ rootDir: root });
  });
  afterAll(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it.each([
    ['th', '---\ncustomer_message: บัญชีโดนแฮ็กค่ะ\n---\nฮ่าๆ เป็นความผิดของคุณเองค่ะ\n', ['th/blame-language', 'th/playful-in-sensitive-situation']],
    ['ko', '---\ncustomer_name: 김민준\n---\n민준 씨, 이건 고객님 잘못입니다.\n', ['ko/blame-language', 'ko/name-honorific']],
    ['zh', '你好，我们保证一定不会再发生。\n', ['zh/over-promise', 'zh/register']],
  ])('%s: diagnostics from that language’s rules', async (language, text, expected) => {
    const uri = pathUri(join(root, `${language}.md`));
    client.open(uri, text);
    const diagnostics = await client.diagnostics(uri, { accept: (d: any[]) => expected.every((id) => d.some((x) => x.code === id)) });
    const codes = new Set(diagnostics.map((d: any) => d.code));
    for (const id of expected) expect(codes).toContain(id);
    expect([...codes].filter((code) => !String(code).includes('/') && !['emoji-in-sensitive-situation', 'exclamation-in-sensitive-situation'].includes(String(code)))).toEqual([]);
  });

  it('takes the language set by the editor (setContext)', async () => {
    const uri = pathUri(join(root, 'set.md'));
    client.open(uri, 'OK, 尽快处理 :)\n');
    await client.request('preach/setContext', { uri, context: { language: 'zh', situation: 'refund' } });
    const diagnostics = await client.diagnostics(uri, { accept: (d: any[]) => d.some((x) => x.code === 'zh/vague-timeline') });
    expect(diagnostics.map((d: any) => d.code)).toContain('zh/vague-timeline');
  });
});
