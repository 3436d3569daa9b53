// The content script: checks the reply box the agent is typing in, on the help-desk sites the
// team turned on. The text goes to the extension's background (the checker) and nowhere else.
import { CheckerClient, CheckerClosedError, type CheckerChannel, type CheckOutcome, type CheckerResponse, type Finding } from '@preach/browser';
import { extensionApi } from '../api.js';
import { siteFor, type PageContext } from '../sites/index.js';
import { loadIgnores, saveIgnores, type Ignores } from '../ignores.js';
import { editableRoot, modelFor, type TextModel } from './text-model.js';
import { createLayer, element, scoreLevel, type Layer } from './ui.js';

const api = extensionApi();

/** A port to the background that reconnects when the background was stopped and started again. */
function backgroundChannel(): CheckerChannel {
  let port: chrome.runtime.Port | undefined;
  const listeners: Array<(response: CheckerResponse) => void> = [];
  const closed: Array<() => void> = [];
  const connect = () => {
    const next = api.runtime.connect({ name: 'preach-check' });
    next.onMessage.addListener((response: CheckerResponse) => listeners.forEach((listener) => listener(response)));
    next.onDisconnect.addListener(() => {
      if (port === next) port = undefined;
      closed.forEach((listener) => listener());
    });
    return next;
  };
  return {
    send(request) {
      port ??= connect();
      port.postMessage(request);
    },
    onResponse: (listener) => listeners.push(listener),
    onClose: (listener) => closed.push(listener),
  };
}

const client = new CheckerClient(backgroundChannel());
let layer: Layer | undefined;
const boxes = new WeakMap<HTMLElement, ReplyBox>();
let active: ReplyBox | undefined;
let situations: Array<{ id: string; sensitivity: string; description?: string }> | undefined;

/** One reply box: its text, its findings, what the agent ignored in it, its marks and badge. */
class ReplyBox {
  readonly model: TextModel;
  private text = '';
  private outcome?: CheckOutcome;
  private findings: Finding[] = [];
  private ignores: Ignores = { here: [], rules: [] };
  private readonly key: string;
  private openFinding?: Finding;
  private pageContext: PageContext = {};
  private observer?: MutationObserver;
  private checking = 0;

  constructor(readonly element: HTMLElement) {
    this.model = modelFor(element, () => (layer ??= createLayer()).root);
    const site = siteFor(location, document);
    this.pageContext = site?.read(document, element) ?? {};
    const ordinal = [...document.querySelectorAll('textarea, [contenteditable="true"], [contenteditable=""]')].indexOf(element);
    this.key = `${location.origin}${location.pathname}|${this.pageContext.conversationId ?? ''}|${ordinal}`;
    element.addEventListener('input', () => this.changed());
    // Editors change their DOM after the input event, or without one (a fix, an undo, a paste).
    if (!(element instanceof HTMLTextAreaElement)) {
      this.observer = new MutationObserver(() => this.changed());
      this.observer.observe(element, { subtree: true, childList: true, characterData: true });
    }
    void loadIgnores(this.key).then((ignores) => {
      this.ignores = ignores;
      this.changed();
    });
  }

  /** The text changed: keep the marks that the edit did not touch in place, and check again. */
  changed(): void {
    performance.mark('preach:read:start');
    const text = this.model.read();
    performance.measure('preach:read', 'preach:read:start');
    if (text === this.text && this.outcome) {
      // The editor redrew its DOM without changing the text: the marks follow it.
      this.scheduleRender();
      return;
    }
    this.findings = shiftFindings(this.findings, this.text, text);
    this.text = text;
    this.hideCard();
    this.scheduleRender();
    void this.check();
  }

  private context() {
    const situation = this.ignores.situation;
    const site = siteFor(location, document);
    if (site) this.pageContext = site.read(document, this.element);
    const { conversationId: _id, ...context } = this.pageContext;
    return { ...context, ...(situation ? { situation } : {}) };
  }

  private async check(retried = false): Promise<void> {
    const text = this.text;
    this.checking++;
    layer?.badge.toggleAttribute('data-busy', true);
    try {
      const outcome = await client.check(text, this.context(), { key: this.key, disable: this.ignores.rules });
      if (!outcome || text !== this.text) return;
      this.outcome = outcome;
      this.findings = outcome.findings.filter((f) => !this.ignored(f));
      // A count of finished checks, on preach's own layer (never on the page's elements).
      if (layer) {
        layer.host.dataset.checks = String(Number(layer.host.dataset.checks ?? 0) + 1);
        layer.host.dataset.checkedLength = String(text.length);
      }
      this.scheduleRender();
    } catch (error) {
      // The browser stopped the background between two checks: ask once more, which starts it.
      if (error instanceof CheckerClosedError && !retried) void this.check(true);
      else console.warn('preach: the check failed:', (error as Error).message);
    } finally {
      if (--this.checking === 0) layer?.badge.removeAttribute('data-busy');
    }
  }

  private ignored(finding: Finding): boolean {
    return this.ignores.rules.includes(finding.ruleId) || this.ignores.here.includes(ignoreKey(finding, this.text));
  }

  private renderQueued = false;

  /** Draws at the next frame: a burst of edits and answers within one frame is drawn once. */
  scheduleRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  /** Draws the marks and the badge where the text is now. */
  render(): void {
    if (active !== this || !layer) return;
    // On the page's performance timeline, so its own tools (and npm run bench) see what preach costs it.
    performance.mark('preach:render:start');
    try {
      this.draw(layer);
    } finally {
      performance.measure('preach:render', 'preach:render:start');
    }
  }

  /** Where each finding is on screen, as last drawn: what a pointer over the reply is matched to. */
  private drawn: Array<{ finding: Finding; rects: DOMRect[] }> = [];

  private draw(layer: Layer): void {
    const { marks, badge } = layer;
    // Every position is read before anything is drawn: a write between two reads would make the
    // browser lay the page out again for each finding.
    this.drawn = this.findings.map((finding) => ({ finding, rects: this.model.rects(finding.start, Math.max(finding.end, finding.start + 1)) }));
    const fragment = document.createDocumentFragment();
    this.drawn.forEach(({ finding, rects }, index) => {
      for (const rect of rects) {
        fragment.appendChild(
          element('div', {
            class: 'mark',
            'data-preach-mark': String(index),
            'data-rule': finding.ruleId,
            'data-severity': finding.severity,
            style: `left:${rect.left}px;top:${rect.bottom - 1}px;width:${Math.max(rect.width, 4)}px`,
          }),
        );
      }
    });
    marks.replaceChildren(fragment);
    const box = this.element.getBoundingClientRect();
    badge.hidden = false;
    if (this.outcome) {
      const situation = this.outcome.situation.id ?? 'no situation';
      badge.textContent = `${this.outcome.score} · ${situation}`;
      badge.dataset.score = String(this.outcome.score);
      badge.dataset.situation = this.outcome.situation.id ?? '';
      badge.dataset.level = scoreLevel(this.outcome.score);
      badge.dataset.findings = String(this.findings.length);
      badge.title = `preach: score ${this.outcome.score}, ${this.findings.length} to look at. Situation: ${situation} (${this.outcome.situation.reason}). Click to set the situation.`;
    } else badge.textContent = 'preach …';
    const width = badge.offsetWidth || 90;
    badge.style.left = `${Math.max(0, box.right - width - 8)}px`;
    badge.style.top = `${Math.max(0, box.bottom - 30)}px`;
  }

  /** The finding marked at a point; where marks overlap, the one on the fewest characters. */
  findingAt(x: number, y: number, fresh = false): Finding | undefined {
    let best: Finding | undefined;
    const drawn = fresh ? this.findings.map((finding) => ({ finding, rects: this.model.rects(finding.start, Math.max(finding.end, finding.start + 1)) })) : this.drawn;
    for (const { finding, rects } of drawn) {
      if (best && finding.end - finding.start >= best.end - best.start) continue;
      if (rects.some((rect) => x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 2 && y <= rect.bottom + 3)) best = finding;
    }
    return best;
  }

  openCard(finding: Finding): void {
    if (!layer) return;
    const { card } = layer;
    this.openFinding = finding;
    const rect = this.model.rects(finding.start, Math.max(finding.end, finding.start + 1))[0];
    const actions = element('div', { class: 'actions' });
    finding.fixes.slice(0, 4).forEach((fix, index) => {
      const button = element('button', { class: 'fix', type: 'button', 'data-preach-fix': String(index) }, fix === '' ? 'Remove' : fix);
      button.addEventListener('click', () => void this.applyFix(finding, fix));
      actions.appendChild(button);
    });
    const here = element('button', { type: 'button', 'data-preach-ignore': 'here' }, 'Ignore here');
    here.addEventListener('click', () => this.ignore(finding, 'here'));
    const rule = element('button', { type: 'button', 'data-preach-ignore': 'rule' }, 'Ignore this rule for this reply');
    rule.addEventListener('click', () => this.ignore(finding, 'rule'));
    actions.append(here, rule);
    // Clicking the card leaves the caret where it was, in the reply.
    for (const button of actions.querySelectorAll('button')) button.addEventListener('mousedown', (event) => event.preventDefault());
    card.replaceChildren(
      element('div', { class: 'rule' }, `${finding.category} · ${finding.ruleId}`),
      element('div', { class: 'message' }, finding.message),
      ...(finding.note ? [element('div', { class: 'note' }, finding.note)] : []),
      ...(finding.why ? [element('div', { class: 'why' }, finding.why)] : []),
      actions,
      ...(finding.url ? [Object.assign(element('a', { href: finding.url, target: '_blank', rel: 'noopener noreferrer' }, 'About this rule'), {})] : []),
    );
    card.dataset.rule = finding.ruleId;
    card.hidden = false;
    const top = rect ? rect.bottom + 6 : this.element.getBoundingClientRect().top;
    card.style.left = `${Math.max(4, Math.min(rect?.left ?? 0, innerWidth - 370))}px`;
    card.style.top = `${Math.min(top, innerHeight - card.offsetHeight - 4)}px`;
  }

  hideCard(): void {
    this.openFinding = undefined;
    if (layer) layer.card.hidden = true;
  }

  get cardFinding(): Finding | undefined {
    return this.openFinding;
  }

  private async applyFix(finding: Finding, fix: string): Promise<void> {
    this.hideCard();
    // The text must still be what was checked, or the offsets point elsewhere.
    if (this.model.read() !== this.text || !(await this.model.replace(finding.start, finding.end, fix))) void this.check();
  }

  private async ignore(finding: Finding, scope: 'here' | 'rule'): Promise<void> {
    this.hideCard();
    if (scope === 'rule') this.ignores.rules = [...new Set([...this.ignores.rules, finding.ruleId])];
    else this.ignores.here = [...new Set([...this.ignores.here, ignoreKey(finding, this.text)])];
    this.findings = this.findings.filter((f) => !this.ignored(f));
    this.render();
    await saveIgnores(this.key, this.ignores);
    if (scope === 'rule') void this.check();
  }

  async setSituation(situation: string | undefined): Promise<void> {
    this.ignores.situation = situation;
    await saveIgnores(this.key, this.ignores);
    this.outcome = undefined;
    this.changed();
  }

  get situationSet(): string | undefined {
    return this.ignores.situation;
  }

  get lastOutcome(): CheckOutcome | undefined {
    return this.outcome;
  }
}

/**
 * "Ignore here" names the finding by its rule and the words it marks, with the words around them,
 * so it stays ignored as the agent types elsewhere, and comes back if the same words reappear in
 * another sentence.
 */
function ignoreKey(finding: Finding, text: string): string {
  const before = text.slice(Math.max(0, finding.start - 20), finding.start).split(/\s+/).slice(-2).join(' ');
  return `${finding.ruleId}\u0000${before}\u0000${text.slice(finding.start, finding.end)}`;
}

/** Moves findings across an edit: those before it stay, those after it move, those in it go. */
function shiftFindings(findings: Finding[], before: string, after: string): Finding[] {
  let prefix = 0;
  while (prefix < before.length && prefix < after.length && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < before.length - prefix && suffix < after.length - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const editEnd = before.length - suffix;
  const delta = after.length - before.length;
  return findings.flatMap((finding) => (finding.end <= prefix ? [finding] : finding.start >= editEnd ? [{ ...finding, start: finding.start + delta, end: finding.end + delta }] : []));
}

function activate(target: EventTarget | null): void {
  const root = editableRoot(target);
  if (!root) return;
  layer ??= createLayer();
  let box = boxes.get(root);
  if (!box) {
    box = new ReplyBox(root);
    boxes.set(root, box);
  }
  if (active !== box) {
    active = box;
    box.render();
  }
}

async function openMenu(): Promise<void> {
  if (!layer || !active) return;
  const box = active;
  situations ??= await client.situations();
  const { menu, badge } = layer;
  const select = element('select', { 'data-preach-situation': '' });
  select.appendChild(element('option', { value: '' }, "From the customer's message"));
  for (const situation of situations) select.appendChild(element('option', { value: situation.id }, `${situation.id} (${situation.sensitivity})`));
  select.value = box.situationSet ?? '';
  select.addEventListener('change', () => void box.setSituation(select.value || undefined));
  const outcome = box.lastOutcome;
  menu.replaceChildren(
    element('div', {}, outcome ? `Score ${outcome.score}${outcome.critical ? ' (a critical rule fired)' : ''}` : 'Checking…'),
    ...(outcome ? [element('div', { class: 'reason' }, `Situation: ${outcome.situation.id ?? 'none'}: ${outcome.situation.reason}${outcome.mood ? `. Customer seems ${outcome.mood.id}.` : ''}`)] : []),
    element('label', {}, 'Situation of this conversation'),
    select,
  );
  menu.hidden = false;
  const rect = badge.getBoundingClientRect();
  menu.style.left = `${Math.max(4, rect.right - 260)}px`;
  menu.style.top = `${Math.max(4, rect.top - menu.offsetHeight - 6)}px`;
}

function inLayer(event: Event): boolean {
  return Boolean(layer && event.composedPath().includes(layer.host));
}

/** Once per page: registered at load and injected into tabs already open, it may arrive twice. */
function start(): void {
  const scope = globalThis as { preachStarted?: boolean };
  if (scope.preachStarted) return;
  scope.preachStarted = true;
  listen();
}

function listen(): void {
  document.addEventListener('focusin', (event) => activate(event.target), true);
  document.addEventListener(
    'click',
    (event) => {
      if (inLayer(event)) {
        if (layer && event.composedPath().includes(layer.badge)) void (layer.menu.hidden ? openMenu() : (layer.menu.hidden = true));
        return;
      }
      if (layer) layer.menu.hidden = true;
      activate(event.target);
      // A click is rare enough to measure afresh when the marks as drawn miss it.
      const finding = active?.findingAt(event.clientX, event.clientY) ?? active?.findingAt(event.clientX, event.clientY, true);
      if (finding) active!.openCard(finding);
      else active?.hideCard();
    },
    true,
  );
  document.addEventListener(
    'mousemove',
    (event) => {
      if (!active || inLayer(event)) return;
      const finding = active.findingAt(event.clientX, event.clientY);
      if (finding && finding !== active.cardFinding) active.openCard(finding);
    },
    { passive: true },
  );
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      active?.hideCard();
      if (layer) layer.menu.hidden = true;
    }
  });
  const redraw = () => requestAnimationFrame(() => active?.render());
  addEventListener('scroll', redraw, { capture: true, passive: true });
  addEventListener('resize', redraw, { passive: true });
  // The box the agent was in before the extension loaded.
  if (document.activeElement) activate(document.activeElement);
}

start();
