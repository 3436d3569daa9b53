import { loadLanguageDetector, type LanguageDetector } from './text/load-language-detector.js';

let detector: LanguageDetector | undefined;

/** Languages with a rule set of their own in `preach:recommended`. */
export const RULE_LANGUAGES = ['en', 'th', 'ko', 'zh'] as const;
export type RuleLanguage = (typeof RULE_LANGUAGES)[number];

/** Names for messages and docs. */
export const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  th: 'Thai',
  ko: 'Korean',
  zh: 'Chinese',
  ja: 'Japanese',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  pt: 'Portuguese',
  it: 'Italian',
  nl: 'Dutch',
  ru: 'Russian',
  vi: 'Vietnamese',
  id: 'Indonesian',
};

/** The id of the message that says a reply's language has no rules (not a rule). */
export const LANGUAGE_RULE_ID = 'language';

/** What `language:` accepts in config, front matter, the CLI, the editor and `preach score` input. */
export const LANGUAGE_PATTERN = '^(?:auto|[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$';

/** The language a reply is written in, and how it was decided. */
export interface ResolvedLanguage {
  /** A BCP 47 primary subtag, lower-case: `en`, `th`, `ko`, `zh`, `fr`…; `und` when nothing says. */
  id: string;
  /** given: front matter, the command line, the editor or the input record; config: `.preachrc`; detected: from the text. */
  source: 'given' | 'config' | 'detected';
  /** Whether `preach:recommended` has rules for it. */
  supported: boolean;
}

/**
 * A language tag as written (`zh-CN`, `zh_Hant`, `ko-KR`, `TH`) as its primary subtag. Chinese
 * in any script is `zh`: the Chinese rules read Simplified and Traditional text.
 */
export function normaliseLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0]!;
}

export function isRuleLanguage(id: string): id is RuleLanguage {
  return (RULE_LANGUAGES as readonly string[]).includes(id);
}

export function languageName(id: string): string {
  return LANGUAGE_NAMES[id] ?? id;
}

/**
 * Each script's letters, by the weight one letter carries: a Han character or a Hangul syllable
 * is a word or most of one, a Latin or Thai letter a part of one. Kana means Japanese, whose
 * replies also use Han. Index: 1 Thai, 2 Hangul, 3 kana, 4 Han, 5 Latin, 6 other letters.
 */
const SCRIPT_WEIGHT = [0, 1, 2, 2, 3, 1, 1];
const SCRIPT_LANGUAGE = ['', 'th', 'ko', 'ja', 'zh', 'latin', 'other'];
const OTHER_LETTER = /\p{L}/u;

/** The script group of one code point (0: not a letter this cares about), by Unicode block. */
function scriptOf(code: number): number {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ? 5 : 0;
  if (code >= 0x0e01 && code <= 0x0e5b) return 1;
  if ((code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3131 && code <= 0x318e)) return 2;
  if (code >= 0x3041 && code <= 0x30ff) return 3;
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff)) return 4;
  if ((code >= 0xc0 && code <= 0x24f) || (code >= 0x1e00 && code <= 0x1eff)) return code === 0xd7 || code === 0xf7 ? 0 : 5;
  return OTHER_LETTER.test(String.fromCodePoint(code)) ? 6 : 0;
}

/** Latin-script text shorter than this (letters) is English unless said otherwise: too short to tell. */
const MIN_LATIN_LETTERS = 40;
/** How sure the detector must be, and by how much more than of English, before a Latin-script reply is not English. */
const MIN_CONFIDENCE = 0.5;
const MARGIN = 4;

/**
 * The language of a text from its letters: the script decides Thai, Korean, Chinese and
 * Japanese; Latin and other scripts go to the language detector (tinyld, its data bundled).
 * Latin text stays English unless the detector is sure it is another language, so a short
 * English reply ("See you soon!") is never taken for something else. `und` with no letters.
 */
export function detectLanguage(text: string): string {
  const weights = [0, 0, 0, 0, 0, 0, 0];
  let letters = 0;
  for (let i = 0; i < text.length && letters <= 4000; i++) {
    const code = text.codePointAt(i)!;
    if (code > 0xffff) i++;
    const group = scriptOf(code);
    if (group === 0) continue;
    weights[group]! += SCRIPT_WEIGHT[group]!;
    letters++;
  }
  if (letters === 0) return 'und';
  // Japanese writes with Han and kana together: any real share of kana makes Han text Japanese.
  if (weights[3]! > 0 && weights[3]! * 5 >= weights[4]!) weights[3]! += weights[4]!;
  let best = 1;
  for (let group = 2; group < weights.length; group++) if (weights[group]! > weights[best]!) best = group;
  const script = SCRIPT_LANGUAGE[best]!;
  if (script !== 'latin' && script !== 'other') return script;
  if (script === 'latin' && weights[5]! < MIN_LATIN_LETTERS) return 'en';
  // English function words make up a good part of any English reply, and little of any other.
  if (script === 'latin' && englishShare(text) >= ENGLISH_SHARE) return 'en';
  detector ??= loadLanguageDetector();
  const guesses = detector.detectAll(text.length > 2000 ? text.slice(0, 2000) : text);
  const top = guesses[0];
  if (!top) return script === 'latin' ? 'en' : 'und';
  if (script === 'other') return normaliseDetected(top.lang);
  const english = guesses.find((guess) => guess.lang === 'en')?.accuracy ?? 0;
  const lang = normaliseDetected(top.lang);
  return lang !== 'en' && top.accuracy >= MIN_CONFIDENCE && top.accuracy >= english * MARGIN ? lang : 'en';
}

/** The commonest English words: in English replies a fifth to a half of the words. */
const ENGLISH_WORDS = new Set('the a an and or to of in on for with at by from is are was were be been it this that these you your yours we our us i me my he she they them their please thanks thank can will would could should have has had do does did not no yes if so as but all any just here there what when where which who how'.split(' '));
/** A Latin-script text with at least this share of common English words is English, whatever the detector says. */
const ENGLISH_SHARE = 0.15;
const LONGEST_ENGLISH_WORD = Math.max(...[...ENGLISH_WORDS].map((word) => word.length));

/** Whether a UTF-16 code unit is part of a Latin word: A-Z, a-z, U+00C0-U+024F, ' or ’. */
function inLatinWord(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0x24f) || code === 0x27 || code === 0x2019;
}

/**
 * The share of the first 400 Latin words (runs of A-Z, a-z, U+00C0-U+024F, ' and ’) that are
 * common English words. Scanned by hand, with only plain ASCII words of a common word's length
 * looked up: no match object or lower-case copy per word. (No letter in U+00C0-U+024F is an
 * ASCII letter in lower case, and no common word has an apostrophe, so the rest never match.)
 */
function englishShare(text: string): number {
  let words = 0;
  let english = 0;
  for (let i = 0; i < text.length; ) {
    if (!inLatinWord(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let plain = true;
    for (; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (!inLatinWord(code)) break;
      if (code >= 0x80 || code === 0x27) plain = false;
    }
    words++;
    if (plain && i - start <= LONGEST_ENGLISH_WORD && ENGLISH_WORDS.has(text.slice(start, i).toLowerCase())) english++;
    if (words >= 400) break;
  }
  return words ? english / words : 0;
}

/** tinyld's few non-standard codes. */
function normaliseDetected(code: string): string {
  return ({ jp: 'ja', kr: 'ko', cn: 'zh', gr: 'el', us: 'en', gb: 'en' } as Record<string, string>)[code] ?? code;
}

/**
 * The language a reply is checked in: the one given for this reply (front matter, command line,
 * editor, input record), else the team's (`language:` in `.preachrc`, unless `auto`), else the
 * one its prose is written in. A reply with no letters at all is checked as English.
 */
export function resolveLanguage(given: string | undefined, configured: string | undefined, prose: string | (() => string)): ResolvedLanguage {
  const explicit = given && given.trim().toLowerCase() !== 'auto' ? { id: normaliseLanguage(given), source: 'given' as const } : undefined;
  const team = configured && configured.trim().toLowerCase() !== 'auto' ? { id: normaliseLanguage(configured), source: 'config' as const } : undefined;
  // The prose may be a function: it is built only when the language has to be detected from it.
  const chosen = explicit ?? team ?? { id: detectedOrEnglish(typeof prose === 'function' ? prose() : prose), source: 'detected' as const };
  return { id: chosen.id, source: chosen.source, supported: isRuleLanguage(chosen.id) };
}

function detectedOrEnglish(prose: string): string {
  const found = detectLanguage(prose);
  return found === 'und' ? 'en' : found;
}

/** Whether a rule runs on a reply in this language: a rule that names no languages runs in all. */
export function ruleSupports(languages: readonly string[] | undefined, language: string): boolean {
  return !languages || languages.includes('*') || languages.includes(language);
}
