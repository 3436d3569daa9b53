import { boundaryFirst } from '@preach/core';

/**
 * How support replies show they noticed what went wrong. Shared by missing-acknowledgement (is
 * there any?) and exclamation-in-sensitive-situation (an "!" on sympathy is not cheer).
 */

const APOSTROPHE = "(?:'|’)";

/** Sorry and its cousins, and interjections of sympathy ("Oh no!", "Ouch!"). */
const SYMPATHY_PARTS = [
  String.raw`\bsorry\b`,
  String.raw`\bapolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)\b`,
  String.raw`\bregret\b`,
  String.raw`\bcondolences?\b`,
  String.raw`\bfor\s+your\s+loss\b|\bthinking\s+of\s+you\b|\bour\s+thoughts\b`,
  String.raw`\boh\s+no+\b|\bouch\b|\boh\s+dear\b|\boof\b|\bbummer\b|\bwhat\s+a\s+(?:pain|shame|nightmare|hassle)\b|\buh[\s-]*oh\b|\boh\s+my(?:\s+(?:goodness|gosh))?\b`,
  // Surprise at the problem, as "Oh no" is: "Hmm, that's weird", "that's odd, it should work".
  String.raw`\b(?:that|this)(?:${APOSTROPHE}s|\s+is)\s+(?:(?:very|really|super|definitely|quite)\s+)?(?:weird|strange|odd|unusual|not\s+(?:normal|usual|expected))\b`,
  // Naming the feeling: "how frustrating", "that must be worrying".
  String.raw`\b(?:frustrat\w*|annoy\w*|embarrass\w*|upsett\w*|upset|stress\w*|(?<!\bno\s|\bnot\s|n${APOSTROPHE}t\s|\bnot\s+to\s)worr(?:y|ying|ied|ies)|disappoint\w*|alarming|scary|unsettling|painful|difficult\s+time|hard\s+time|a\s+pain)\b`,
  String.raw`\bmust\s+(?:be|have\s+been|feel)\b`,
  String.raw`\b(?:understand(?:able|ably)?|i\s+hear\s+you|we\s+hear\s+you|(?:i|totally|completely|we)\s+get\s+(?:it|why|that)|(?:i|we)\s+know\s+(?:how|this|that|it|not|what)|i\s+can\s+(?:only\s+)?imagine|(?:i|we)\s+can\s+see\s+(?:why|how|that|this))\b`,
  // "We hate to hear that", "that's not what we like to hear", "we don't like to hear this".
  String.raw`\b(?:hate|sad|saddened|sorry|bummed|gutted|unhappy|not\s+happy)\s+to\s+(?:hear|see|read|learn)\b`,
  String.raw`\b(?:not|never|don${APOSTROPHE}t|do\s+not)\s+(?:what\s+)?(?:we|i)\s+(?:\w+\s+)?(?:like|love|want|expect|hope)\s+to\s+(?:hear|see|read)\b|\b(?:don${APOSTROPHE}t|do\s+not)\s+like\s+to\s+(?:hear|see|read)\b`,
  String.raw`\b(?:not|never)\s+(?:the\s+)?(?:(?:type|kind|sort)\s+of\s+)?(?:experience|service|impression)\s+(?:we|i)\b|\bnot\s+what\s+(?:we|i)\s+(?:want|expect|aim|strive)\b`,
  String.raw`\b(?:no\s*one|nobody)\s+(?:wants|likes|should\s+have)\b`,
  String.raw`\bfeel\s+this\s+way\b`,
  String.raw`\b(?:does(?:n${APOSTROPHE}t|\s+not)|doesn${APOSTROPHE}t)\s+sound\s+(?:good|right|great|fun|ideal)\b|\bnot\s+(?:good|great|ideal|fun|cool)\b|\b(?:that|this|it)(?:${APOSTROPHE}s|\s+is)\s+no\s+good\b`,
  String.raw`\b(?:shouldn${APOSTROPHE}?t|should\s+not|should\s+never)\s+have\s+happened\b|\bshould(?:n${APOSTROPHE}?t|\s+not)\s+(?:be\s+)?(?:happen(?:ing)?|the\s+case)\b`,
  String.raw`\b(?:that${APOSTROPHE}?s|that\s+is|this\s+is|it${APOSTROPHE}?s|it\s+is)\s+(?:not|never)\s+(?:ok(?:ay)?|acceptable|good\s+enough|right|what\s+you|the\s+experience)\b`,
  String.raw`\b(?:definitely|certainly|really|quite)\s+(?:a\s+)?(?:crazy|tough|rough|awful|terrible|bad)\b|\bsad(?:ly)?,?\s+indeed\b`,
];

/** Owning the problem, agreeing, or thanking the customer for raising it. */
const OWNERSHIP_PARTS = [
  String.raw`\byou${APOSTROPHE}?re\s+(?:right|absolutely\s+right|completely\s+right)\b|\byou\s+are\s+(?:right|absolutely\s+right)\b|\b(?:i|we)\s+(?:agree|completely\s+agree|totally\s+agree)\b`,
  String.raw`\b(?:our|my)\s+(?:mistake|fault|error|bad|mix-?up|oversight)\b|\b(?:an?\s+)?(?:honest|genuine|unfortunate)\s+(?:oversight|mistake|error)\b|\bthis\s+was\s+an?\s+(?:oversight|mistake|error)\b`,
  String.raw`\b(?:we|i)\s+(?:messed\s+up|got\s+(?:it|this|that)\s+wrong|made\s+a\s+mistake|dropped\s+the\s+ball|let\s+you\s+down)\b`,
  String.raw`\b(?:thank(?:s|\s+you)|appreciate)\s+(?:you\s+)?(?:so\s+much\s+|very\s+much\s+)?(?:for\s+)?(?:letting\s+(?:us|me)\s+know|flagging|reporting|raising|telling\s+(?:us|me)|your\s+patience|bearing\s+with|being\s+patient|your\s+understanding|the\s+heads[\s-]up|sharing|bringing\s+(?:this|it|that)\s+to|pointing\s+(?:this|it|that)\s+out|looking\s+out|your\s+(?:constructive\s+)?feedback|the\s+feedback)\b`,
  String.raw`\b(?:get|have)\s+(?:this|that|it|things|everything)\s+(?:straightened|squared)\s+out\b|\b(?:make|set|put)\s+(?:this|it|things)\s+right\b|\bturn\s+(?:this|it|things)\s+around\b|\btake\s+(?:this|it|that|these|your\s+\w+)\s+(?:very\s+|extremely\s+|really\s+)?seriously\b`,
  String.raw`\bconcern(?:ed|ing)\b|\binconvenien\w*|\bhassle\b`,
];

/**
 * Reactions that show the trouble was noticed without being sympathy in tone: "Yikes!" is an
 * uh-oh (playful-in-sensitive-situation judges whether it suits), "sadly this gentleman wasn't
 * [courteous] today" calls what happened wrong. They count as an acknowledgement, but an "!" on
 * them is not excused as feeling.
 */
const NOTICING_PARTS = [String.raw`\byikes\b`, String.raw`\bsadly\b`];

// Every part starts with \b: tested once in front of them all (boundaryFirst), they match the
// same and run more than twice as fast.

/** Any of the ways a reply acknowledges what happened or how it feels. */
export const ACKNOWLEDGEMENT = new RegExp(boundaryFirst([...SYMPATHY_PARTS, ...OWNERSHIP_PARTS, ...NOTICING_PARTS].join('|')), 'i');

/** Sympathy only: an exclamation mark on these is feeling, not cheer. */
export const SYMPATHY = new RegExp(boundaryFirst(SYMPATHY_PARTS.join('|')), 'i');

/**
 * A real apology: "sorry", "apologies", "we regret". Not an interjection ("Ouch!", "Oh no!"),
 * which reacts to the news without owning it.
 */
const APOLOGY = /\b(?:sorry|apolog(?:y|ies|i[sz]e[sd]?|i[sz]ing)|regret)\b/i;

/**
 * Where the reply's first real apology starts (Infinity when it has none). A mark of tone after it
 * (a "!", an emoji) is weaker evidence: the bad news was met with care first, so the tone rules
 * report it as a suggestion. Not in a bereavement, where nothing softens a cheerful mark.
 */
export function apologyStart(prose: string, situation: string | null): number {
  if (situation === 'bereavement') return Infinity;
  return APOLOGY.exec(prose)?.index ?? Infinity;
}
