// The playground page: the reply's findings and the rule's examples, live, from a Web Worker
// made from the worker bundle embedded in the page (a page opened from a file may not load a
// worker from another file).
import { CheckerClient, workerChannel, type CheckOutcome, type RuleTestReport, type SetupProblem } from '@preach/browser';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const STARTER_RULE = `id: team/no-asap
kind: existence
category: responsible
severity: warning
message: Say when, not "{{match}}"
description: Flags "ASAP" and "as soon as possible", which promise nothing.
why: A customer waiting on a fix wants a time they can plan around.
tokens: [asap, as soon as possible]
examples:
  bad:
    - We'll get back to you ASAP.
  good:
    - We'll get back to you by 3pm today.
`;
const STARTER_MESSAGE = 'My card was declined twice and now I am locked out of my account. I need this fixed today.';
const STARTER_REPLY = `Hi Dave,

Unfortunately there is nothing we can do right now. We will fix it ASAP, I promise this will never happen again!`;

const source = $('preach-worker-source').textContent ?? '';
const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
const client = new CheckerClient(workerChannel(worker));

const field = (id: string) => $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(id);
for (const [id, value] of [['rule', STARTER_RULE], ['customer-message', STARTER_MESSAGE], ['reply', STARTER_REPLY], ['customer-name', 'Dana Whitfield']] as const) {
  if (!field(id).value) field(id).value = value;
}

let setupVersion = 0;
let applied = -1;

/** The rule being written is a pack; the team config, when given, is the config. */
async function setup(): Promise<SetupProblem[]> {
  const version = ++setupVersion;
  const config = field('config').value;
  const { problems } = await client.setup({ ...(config.trim() ? { config: { name: '.preachrc.yaml', source: config } } : {}), packs: field('rule').value.trim() ? [{ name: 'your-rule.yaml', source: field('rule').value }] : [] });
  applied = version;
  return problems;
}

function context() {
  return {
    customerName: field('customer-name').value || undefined,
    customerMessage: field('customer-message').value || undefined,
    situation: field('situation').value || undefined,
    channel: (field('channel').value || undefined) as 'chat' | 'email' | 'social' | 'sms' | undefined,
  };
}

async function checkReply(): Promise<void> {
  const text = field('reply').value;
  const outcome = await client.check(text, context(), { key: 'reply' });
  if (outcome && text === field('reply').value) showOutcome(text, outcome);
}

function showOutcome(text: string, outcome: CheckOutcome): void {
  const level = outcome.score >= 80 ? '' : outcome.score >= 50 ? 'mid' : 'low';
  const summary = $('summary');
  summary.replaceChildren(el('span', { class: `score ${level}`, 'data-score': String(outcome.score) }, String(outcome.score)), `${outcome.findings.length} finding(s) · situation: ${outcome.situation.id ?? 'none'} (${outcome.situation.reason})${outcome.mood ? ` · customer seems ${outcome.mood.id}` : ''}`);
  summary.dataset.findings = String(outcome.findings.length);
  // The reply with each finding underlined (outermost first, nested ones inside the text only).
  const preview = $('preview');
  preview.replaceChildren();
  let cursor = 0;
  for (const finding of [...outcome.findings].sort((a, b) => a.start - b.start)) {
    if (finding.start < cursor || finding.end <= finding.start) continue;
    preview.append(text.slice(cursor, finding.start), el('mark', { class: finding.severity, title: `${finding.ruleId}: ${finding.message}` }, text.slice(finding.start, finding.end)));
    cursor = finding.end;
  }
  preview.append(text.slice(cursor));
  const list = $('findings');
  list.replaceChildren(
    ...outcome.findings.map((finding) =>
      el(
        'li',
        { 'data-rule': finding.ruleId },
        el('div', {}, `${finding.message} `, el('span', { class: 'id' }, `${finding.ruleId} · ${finding.severity} · line ${finding.line}`)),
        ...(finding.note ? [el('div', { class: 'note' }, finding.note)] : []),
        ...(finding.fixes.length ? [el('div', { class: 'fix' }, `Fix: ${finding.fixes.map((f) => (f === '' ? '(remove)' : `"${f}"`)).join(' or ')}`)] : []),
        ...(finding.why ? [el('div', { class: 'why' }, finding.why)] : []),
      ),
    ),
  );
}

function showRuleReport(report: RuleTestReport, problems: SetupProblem[]): void {
  const shown = [...report.problems, ...problems.filter((p) => p.file !== 'your-rule.yaml')];
  $('rule-problems').textContent = shown.map((p) => p.text).join('\n');
  $('rule-problems').dataset.count = String(shown.length);
  const examples = $('examples');
  examples.replaceChildren(
    ...report.examples.map((example) =>
      el('li', { class: example.passed ? 'pass' : 'fail', 'data-kind': example.kind }, `${example.ruleId} ${example.kind} example ${example.index + 1}: ${example.text}`, ...(example.problem ? [el('span', { class: 'problem' }, example.problem)] : [])),
    ),
    ...report.untested.map((id) => el('li', { class: 'fail' }, `${id} has no examples: add a bad and a good one.`)),
  );
  examples.dataset.passed = String(report.examples.filter((e) => e.passed).length);
  examples.dataset.failed = String(report.examples.filter((e) => !e.passed).length + report.untested.length);
}

let ruleRun = 0;
async function ruleChanged(): Promise<void> {
  const run = ++ruleRun;
  const problems = await setup();
  const report = await client.testRules({ name: 'your-rule.yaml', source: field('rule').value });
  if (run === ruleRun) showRuleReport(report, problems);
  await checkReply();
}

function el(tag: string, attributes: Record<string, string>, ...children: Array<Node | string>): HTMLElement {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

for (const id of ['reply', 'customer-message', 'customer-name', 'situation', 'channel']) field(id).addEventListener('input', () => void checkReply());
for (const id of ['rule', 'config']) field(id).addEventListener('input', () => void ruleChanged());
worker.addEventListener('error', (event) => ($('summary').textContent = `The checker could not start: ${event.message}`));

void (async () => {
  await ruleChanged();
  const select = field('situation') as HTMLSelectElement;
  for (const situation of await client.situations()) select.appendChild(el('option', { value: situation.id }, `${situation.id} (${situation.sensitivity})`));
  document.body.dataset.ready = String(applied >= 0);
})();
