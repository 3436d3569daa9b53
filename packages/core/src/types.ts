import type { CheckLimits, CheckStop } from './limits.js';
import type { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import type { PreachInputError } from './errors.js';
import type { ResolvedLanguage } from './language.js';

/** How loudly a rule speaks. `off` exists only in configuration. */
export type Severity = 'error' | 'warning' | 'suggestion';
export type SeveritySetting = Severity | 'off';

/** The six PREACH letters: Proud, Responsible, Empathetic, Articulate, Concise, Human. */
export type Category = 'proud' | 'responsible' | 'empathetic' | 'articulate' | 'concise' | 'human';

/** Where the reply is sent. Channels shape length and tone expectations. */
export type Channel = 'chat' | 'email' | 'social' | 'sms';

/** How carefully a situation must be handled. `high`: no jokes, GIFs or emoji. */
export type Sensitivity = 'high' | 'medium' | 'low';

/** What the caller knows about the conversation a draft answers. Every field is optional. */
export interface ReplyContext {
  /** Full or first name, e.g. "Priya Raman" or "Priya". */
  customerName?: string;
  /** The customer's message(s) being answered. */
  customerMessage?: string;
  /** A situation id (built-in or from config). When absent it is inferred from `customerMessage`. */
  situation?: string;
  channel?: Channel;
  agentName?: string;
  /** Free-form tags, e.g. help-desk tags; mapped to situations by config. */
  tags?: string[];
  /**
   * The conversation before the draft, oldest first, without the customer message being
   * answered: an acknowledgement already made counts, and a follow-up ("I did.") keeps the
   * situation of the customer's earlier turns.
   */
  thread?: ThreadTurn[];
  /**
   * The reply's language (`en`, `th`, `ko`, `zh`, or any BCP 47 tag; `auto` to detect). When
   * absent it is the team's (`language:` in config) or detected from the reply.
   */
  language?: string;
  /** How the customer is addressed, where a language needs it (Chinese 先生/女士): `mr` or `ms`. */
  customerTitle?: 'mr' | 'ms';
}

/** One earlier turn of the conversation a draft answers. */
export interface ThreadTurn {
  role: 'customer' | 'agent';
  text: string;
}

/** How the customer feels in the turn being answered, read by the customer-turn model. */
export interface ResolvedMood {
  id: 'calm' | 'confused' | 'anxious' | 'frustrated' | 'angry' | 'grieving' | 'pleased';
  /** Human-readable evidence, e.g. `"disgraceful", "third time"`. */
  reason: string;
  /** How sure the model is, 0-1. */
  confidence: number;
}

/** A situation teams meet, with the words that reveal it in a customer's message. */
export interface SituationDefinition {
  id: string;
  sensitivity: Sensitivity;
  description?: string;
  /** Regular expressions (case-insensitive) over the customer's message, each with a weight. */
  signals?: Array<{ pattern: string; weight?: number }>;
  /** Help-desk tags that mean this situation. */
  tags?: string[];
}

/** The situation a reply is judged against, and how it was chosen. */
export interface ResolvedSituation {
  /** `null` when nothing is known about the conversation. */
  id: string | null;
  sensitivity: Sensitivity;
  source: 'given' | 'tags' | 'inferred' | 'none';
  /** Human-readable explanation, e.g. `matched "card was declined", "locked"`. */
  reason: string;
  /** Evidence: the words of the customer's message that decided it. */
  matched: string[];
  /** The customer says the problem is solved: sensitivity relaxes to low. */
  resolved?: boolean;
  /** The customer's words that name the situation outright ("card was declined"), when inferred. */
  signal?: string;
}

/** The customer's name, split the ways a reply may legitimately use it. */
export interface CustomerName {
  full: string;
  first: string;
  last?: string;
  /** Accepted spellings (full, first, last, accent-folded forms), lower-cased. */
  accepted: string[];
}

/** Context after defaults and inference. Rules see this. */
export interface ResolvedReplyContext {
  customerName?: CustomerName;
  customerMessage?: string;
  situation: ResolvedSituation;
  channel?: Channel;
  agentName?: string;
  tags: string[];
  /** The customer's mood in the message answered; undefined without a customer message. */
  mood?: ResolvedMood;
  /** Earlier turns of the conversation (empty when not given). */
  thread: ThreadTurn[];
  /** The reply's language and how it was decided; rules run only for the languages they declare. */
  language: ResolvedLanguage;
  customerTitle?: 'mr' | 'ms';
}

/** A conditional: a rule applies only when every given field matches. */
export interface RuleConditions {
  situation?: string[];
  /** Minimum sensitivity (e.g. `medium` matches `medium` and `high`) or a list of exact levels. */
  sensitivity?: Sensitivity | Sensitivity[];
  channel?: Channel[];
  /** The customer's mood (read by the customer-turn model) is one of these. */
  customer_mood?: Array<ResolvedMood['id']>;
  customer_sentiment?: 'negative' | 'neutral' | 'positive';
  /** Regular expression (case-insensitive) the customer's message must match. */
  customer_message_matches?: string;
  /** The customer's name must be known (true) or unknown (false). */
  customer_name_known?: boolean;
  tags?: string[];
}

/** One runnable example in a rule's docs. Bad examples must be flagged, good ones must not. */
export interface RuleExample {
  text: string;
  context?: ReplyContext;
  /** Options for this example only (merged over the rule's defaults). */
  options?: Record<string, unknown>;
  /** For bad examples: how many messages to expect (default: at least one). */
  count?: number;
  /** For bad examples with a fix: the text after applying the first fix. */
  fixed?: string;
  /** For bad examples: the severity every message must have (a rule unsure of this case reports a `suggestion`). */
  severity?: Severity;
  note?: string;
}

export interface RuleDocs {
  /** One line: what the rule checks. */
  description: string;
  /** Why support teams care. */
  why: string;
  examples: { bad: RuleExample[]; good: RuleExample[] };
}

export interface RuleMeta {
  id: string;
  category: Category;
  /** Default severity in `preach:recommended`. */
  severity: SeveritySetting;
  fixable: boolean;
  /** A critical rule zeroes the score (an auto-fail), e.g. asking for a password. */
  critical?: boolean;
  /** JSON Schema for the rule's options. Option names are snake_case, like the rest of the config. */
  optionsSchema?: Record<string, unknown>;
  defaultOptions?: Record<string, unknown>;
  /**
   * Options that were renamed: old name → current name. A config that still uses the old name
   * keeps working, and is warned (`ResolvedConfig.warnings`) with the file, line and key.
   */
  renamedOptions?: Record<string, string>;
  /** Default link to the rule's docs. */
  url?: string;
  docs: RuleDocs;
  /** Where the rule came from: `preach:recommended`, a pack path or package name. */
  origin?: string;
  /** The file the rule was defined in, for error messages and `explain`. */
  file?: string;
  /** Only run when these conditions hold. */
  when?: RuleConditions;
  /** Declarative kind (existence, substitution, …) or `code`. */
  kind?: string;
  /**
   * `paragraph` when what the rule finds in a paragraph never depends on the rest of the reply,
   * so editors may re-check only the paragraph being edited. Code rules default to `reply`.
   */
  scope?: 'paragraph' | 'reply';
  /**
   * The reply languages the rule checks (`en`, `th`, `ko`, `zh`; `*` for any). A rule that names
   * none runs in every language; every built-in rule names its own.
   */
  languages?: string[];
}

/** Something a rule reports. Offsets are into the draft's full text (front matter included). */
export interface Report {
  message: string;
  start: number;
  end: number;
  /** Replacement(s) for `text.slice(start, end)`; the first is the preferred fix. */
  fix?: string | string[];
  /** A note shown under the message (why, or a hint). */
  note?: string;
  /**
   * A lower severity for this finding than the rule's, when its evidence is weaker than the
   * rule's usual case (a rule reports what it is sure of at its own severity and what it is
   * unsure of as a `suggestion`, and says which is which in its docs). Never raises a finding
   * above the severity the config gives the rule.
   */
  severity?: Severity;
}

/** A span of the draft: a sentence, a word, an image, a link. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface MarkdownLink extends Span {
  url: string;
  /** Images are links too, with `image: true`. */
  image: boolean;
  alt?: string;
}

/**
 * Cached analyses of one draft, computed on first use. Cheap checks first: a rule should test
 * `prose` with a regular expression before asking for `nlp()` or `sentiment()`.
 */
export interface Analysis {
  /**
   * Words in the prose by a cheap count (no parse). Within a few percent of `words().length`;
   * use it to skip work, e.g. a reply shorter than a limit needs no sentence parse.
   */
  wordCount(): number;
  sentences(): Span[];
  words(): Span[];
  /**
   * Where words start and end (segmented by `Intl.Segmenter` for Thai, Chinese, Japanese and
   * Korean, by spaces and punctuation otherwise): a phrase is a whole word when both its ends are here.
   */
  wordBoundaries(): ReadonlySet<number>;
  /** Letters, digits and punctuation (no spaces): the length of a reply in a language counted in characters. */
  characterCount(): number;
  /** Markdown links and images (empty for plain text). */
  links(): MarkdownLink[];
  /** A compromise document over the prose (expensive: ask only when a cheap check says so). */
  nlp(): any;
  /** Sentiment polarity of the reply prose (AFINN sum, retext-sentiment's lexicon); negative is upset. */
  replySentiment(): number;
  /** Sentiment polarity of the customer's message, 0 when unknown. */
  customerSentiment(): number;
  /** Sentiment polarity of arbitrary text (same scale). */
  sentimentOf(text: string): number;
}

export interface RuleContext {
  /** The draft as given, front matter included. Report offsets into this. */
  readonly text: string;
  /**
   * The same text with everything that is not prose (front matter, code, inline code, URLs,
   * e-mail addresses, @handles, HTML) replaced by spaces, so offsets line up with `text`.
   */
  readonly prose: string;
  readonly reply: ResolvedReplyContext;
  readonly options: Record<string, any>;
  /** Team vocabulary, lower-cased: product names that are never typos or jargon. */
  readonly vocabulary: ReadonlySet<string>;
  readonly analysis: Analysis;
  /** The rule's resolved severity (rules rarely need it). */
  readonly severity: Severity;
  report(report: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** What a message carries beyond vfile's own fields. */
export interface PreachMessageData {
  ruleId: string;
  source: 'preach';
  severity: Severity;
  category: Category;
  critical: boolean;
  /**
   * Where the message starts and ends in the draft, as UTF-16 offsets (JavaScript string indices,
   * what an editor's `positionAt` takes). Equal for a message about a point (a check stopped).
   */
  startOffset: number;
  endOffset: number;
  url?: string;
  expected?: string[];
  note?: string;
}

/** vfile messages as unified tools expect, plus our severity and category. */
export type PreachMessage = VFileMessage & PreachMessageData;

export interface CategoryScore {
  category: Category;
  score: number;
  messages: number;
}

export interface ScoreCard {
  /** 0-100, 100 when nothing was found. */
  score: number;
  categories: Record<Category, number>;
  /** Words of prose, the length the score is normalised by. */
  words: number;
  /** Weighted penalty before normalisation. */
  penalty: number;
  /** True when a critical rule fired (score forced to 0; the category scores are not). */
  critical: boolean;
  /** The critical rules that fired (the auto-fail's cause), sorted; empty when none did. */
  autoFail: string[];
}

export interface RuleSetting {
  rule: Rule;
  severity: Severity;
  options: Record<string, any>;
}

export interface ScoringConfig {
  /** Penalty weight per severity. */
  weights: Record<Severity, number>;
  /** Words per unit of length: a reply this long tolerates a penalty of 1 at half score. */
  wordsPerUnit: number;
  /** Extra rule ids treated as critical (auto-fail). */
  critical: string[];
  /** Weights per category for the overall score (default: all 1). */
  categoryWeights: Record<Category, number>;
  /** A score at or above this passes (0-100, default 80): the pass/fail line of QA reviews. */
  passMark: number;
}

/** Everything the engine needs: rules with their settings, vocabulary, situations, scoring. */
export interface ResolvedConfig {
  rules: Map<string, RuleSetting>;
  /** All known rules, including those turned off (for `preach rules`). */
  allRules: Map<string, Rule>;
  vocabulary: ReadonlySet<string>;
  situations: readonly SituationDefinition[];
  /** Help-desk tag → situation id. */
  tagSituations: Record<string, string>;
  defaultChannel?: Channel;
  /** The team's reply language (`language:` in config), when not `auto`. */
  language?: string;
  scoring: ScoringConfig;
  /** Size and time bounds on one check (defaults when absent). */
  limits?: CheckLimits;
  /** What in the config files still works but should change (a renamed option), with file, line and key. */
  warnings: PreachInputError[];
}

export interface LintResult {
  file: VFile;
  messages: PreachMessage[];
  score: ScoreCard;
  context: ResolvedReplyContext;
  /** Context found in the draft's front matter (already merged into `context`). */
  frontMatter: ReplyContext;
  /** Set when the check ran out of its time budget: the rules after it were not run. */
  stopped?: CheckStop;
  /** Why the draft was not checked at all (too large). */
  tooLarge?: string;
}
