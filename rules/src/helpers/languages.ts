import type { RuleContext, Span } from '@preach/core';
import { findAll, sentenceAt } from './sentences.js';

/**
 * Checks shared by the Thai, Korean and Chinese rule sets: each rule file gives its language's
 * words, and these apply them the same way in every language.
 */

/** Situations where the customer needs to know when: a vague time there leaves them waiting. */
export const NEEDS_A_TIME = ['billing-failure', 'outage', 'security', 'refund', 'shipping-delay', 'account-access', 'complaint'];

export interface SecretRequestSpec {
  /** What is secret: 密码, 비밀번호, รหัสผ่าน… (a regular expression source). */
  secret: RegExp;
  /** Asking for it: 请提供, 알려 주세요, กรุณาส่ง… */
  request: RegExp;
  /** Telling the customer not to share it, or saying the team never asks: 请勿, 마세요, อย่า… */
  refusal: RegExp;
  /** Only part of it is asked for: 后四位, 끝 4자리, 4 ตัวท้าย… */
  partial: RegExp;
  /**
   * Which secrets may be asked for in part (card numbers: 카드 번호 뒤 4자리), with the part
   * written just after the secret; without it, a part named anywhere in the sentence will do.
   * Part of a password is still the password (비밀번호 앞 두 자리).
   */
  partialOf?: RegExp;
  /** Where the customer enters it themselves, not to us: 在页面上, 앱에서, ในแอป… */
  ownScreen?: RegExp;
  /** Whether the request comes after the secret (Korean: 비밀번호를 알려 주세요), before it (请提供密码), or either (Thai). */
  requestAfter: boolean | 'either';
  /** How far apart (characters) the secret and the request may be. */
  distance: number;
  /** Read the whole line rather than the sentence (Thai, whose spaces end phrases, not requests). */
  line?: boolean;
  /**
   * A request opening the next sentence with the secret understood ("…비밀번호가 필요합니다.
   * 채팅으로 보내 주세요."): asked for all the same. Matched at the start of that sentence.
   */
  requestNext?: RegExp;
  /**
   * Something done to the secret or happening to it between it and the request, so the request is
   * about the outcome ("비밀번호를 재설정하신 뒤 … 알려 주세요", "인증번호가 오지 않으면 알려 주세요").
   */
  doneToIt?: RegExp;
}

/** Each spec's secret pattern as the checks use it: every match (`giu`), and one test (`iu`). Compiled once. */
const secretPatterns = new WeakMap<RegExp, { all: RegExp; any: RegExp }>();
function secretPattern(spec: SecretRequestSpec): { all: RegExp; any: RegExp } {
  let patterns = secretPatterns.get(spec.secret);
  if (!patterns) secretPatterns.set(spec.secret, (patterns = { all: new RegExp(spec.secret.source, 'giu'), any: new RegExp(spec.secret.source, 'iu') }));
  return patterns;
}

/** A request for a secret in one sentence: the secret and the asking near each other, with no refusal in the sentence. */
export function secretRequests(context: RuleContext, spec: SecretRequestSpec): Span[] {
  const found: Span[] = [];
  for (const secret of findAll(secretPattern(spec).all, context.prose)) {
    const sentence = spec.line ? lineAt(context.prose, secret.start) : sentenceAt(context, secret.start);
    const partial = spec.partialOf ? spec.partialOf.test(secret.text) && spec.partial.test(context.prose.slice(secret.end, Math.min(sentence.end, secret.end + 12))) : spec.partial.test(sentence.text);
    if (spec.refusal.test(sentence.text) || partial || spec.ownScreen?.test(sentence.text)) continue;
    const after = context.prose.slice(secret.end, Math.min(sentence.end, secret.end + spec.distance));
    const before = context.prose.slice(Math.max(sentence.start, secret.start - spec.distance), secret.start);
    // Either way round, the request may also wrap the secret ("ส่งรหัสผ่านมาให้เรา").
    const windows = spec.requestAfter === 'either' ? [before, after, before + secret.text + after] : spec.requestAfter ? [after] : [before];
    const requesting = windows.filter((window) => spec.request.test(window));
    const asked = requesting.some((window) => !spec.doneToIt?.test(window));
    // With no request near the secret at all, one may open the next sentence.
    if (!asked && !(spec.requestNext && requesting.length === 0 && requestedNext(context, sentence, spec))) continue;
    if (found.some((span) => span.start >= sentence.start && span.end <= sentence.end)) continue;
    found.push(secret);
  }
  return found;
}

export interface VagueTimeSpec {
  vague: RegExp;
  /** A concrete time or date: 下午3点, 24小时内, 오후 3시, 내일, ภายใน 24 ชั่วโมง… */
  concrete: RegExp;
}

/** Vague times with no concrete time or date in the same sentence (or just after it). */
export function vagueTimes(context: RuleContext, spec: VagueTimeSpec): Span[] {
  const found: Span[] = [];
  for (const vague of findAll(new RegExp(spec.vague.source, 'giu'), context.prose)) {
    const sentence = sentenceAt(context, vague.start);
    const around = context.prose.slice(sentence.start, Math.min(context.prose.length, sentence.end + 30));
    if (spec.concrete.test(around)) continue;
    found.push(vague);
  }
  return found;
}

export interface BoilerplateSpec {
  stock: RegExp;
  /** Why it went wrong: 因为, 때문에, เนื่องจาก… */
  cause: RegExp;
  /** The problem itself named: 扣款, 결제 오류, ล่าช้า… */
  problem: RegExp;
  /** What is being done: 已为您, 처리했습니다, ดำเนินการ… */
  action: RegExp;
}

/**
 * Stock apologies in a reply that says nothing specific: specific means naming what went wrong
 * (a cause, the problem itself, or a detail such as a number or a date) and what is being done.
 */
export function boilerplateApologies(context: RuleContext, spec: BoilerplateSpec): Span[] {
  const stock = findAll(new RegExp(spec.stock.source, 'giu'), context.prose);
  if (!stock.length) return [];
  let rest = context.prose;
  for (const span of stock) rest = rest.slice(0, span.start) + ' '.repeat(span.end - span.start) + rest.slice(span.end);
  const namesProblem = spec.cause.test(rest) || spec.problem.test(rest) || /\d/.test(rest);
  return namesProblem && spec.action.test(rest) ? [] : stock;
}

/** The customer's name in Chinese or Korean: surname and given name, by the usual surname lengths. */
export function splitEastAsianName(full: string, compoundSurnames: readonly string[]): { full: string; surname: string; given: string } {
  const name = full.replace(/\s+/g, '');
  const surname = compoundSurnames.find((compound) => name.startsWith(compound) && name.length > compound.length) ?? name.slice(0, 1);
  return { full: name, surname, given: name.slice(surname.length) };
}

/**
 * Quoted words in the reply: “…”, "…", 「…」, 『…』, ‘…’ and '…' within a line. A reply that quotes the
 * customer ("ที่คุณแจ้งมาว่า “…ครับ”", 您说“你们怎么还不发货”) repeats their register, not the agent's.
 * A quote that covers most of the reply is the reply itself, and is not counted.
 */
const QUOTED = /“[^”\n]{1,200}”|"[^"\n]{1,200}"|「[^」\n]{1,200}」|『[^』\n]{1,200}』|‘[^’\n]{1,200}’|(?<![A-Za-z])'[^'\n]{1,200}'(?![A-Za-z])/g;

export function quotedSpans(prose: string): Span[] {
  const quotes = findAll(QUOTED, prose);
  const length = prose.trim().length;
  return quotes.filter((quote) => quote.text.length < length * 0.6);
}

/** Whether `offset` lies inside one of `quotes`. */
export function insideQuote(quotes: readonly Span[], offset: number): boolean {
  return quotes.some((quote) => offset > quote.start && offset < quote.end - 1);
}

/** Every place `needle` occurs in the prose. */
export function occurrences(prose: string, needle: string): number[] {
  const at: number[] = [];
  if (!needle) return at;
  for (let index = prose.indexOf(needle); index !== -1; index = prose.indexOf(needle, index + needle.length)) at.push(index);
  return at;
}

/** The sentence after `sentence` opens with a request and names no secret or refusal of its own. */
function requestedNext(context: RuleContext, sentence: Span, spec: SecretRequestSpec): boolean {
  const start = sentence.end + (/^\s*/.exec(context.prose.slice(sentence.end))?.[0].length ?? 0);
  if (start >= context.prose.length) return false;
  const next = sentenceAt(context, start);
  const text = context.prose.slice(start, next.end);
  return spec.requestNext!.test(text) && !secretPattern(spec).any.test(text) && !spec.refusal.test(text);
}

function lineAt(prose: string, offset: number): Span {
  const start = prose.lastIndexOf('\n', offset - 1) + 1;
  const newline = prose.indexOf('\n', offset);
  const end = newline === -1 ? prose.length : newline;
  return { start, end, text: prose.slice(start, end) };
}
