import { defineRule, type RuleContext } from '@preach/core';
import { mentionsTime } from '../src/helpers/time.js';
import { findAll, sentenceAt } from '../src/helpers/sentences.js';

const VAGUE =
  /\b(?:as\s+soon\s+as\s+(?:possible|we\s+can|I\s+can|humanly\s+possible)|asap|(?<!\b(?:as|so|too|that|this)\s)soon(?!\s+(?:as|after|afterwards|enough)\b)|shortly|in\s+due\s+course|in\s+the\s+near\s+future|at\s+some\s+point|in\s+a\s+(?:bit|while|little\s+while)|any\s+(?:time|day|minute)\s+now|as\s+quickly\s+as\s+(?:possible|we\s+can)|sooner\s+or\s+later|in\s+the\s+coming\s+(?:days|weeks))\b/gi;

/** Friendly closings and wishes: nobody is waiting on us. */
const PLEASANTRY =
  /\b(?:talk|speak|chat|see\s+(?:you|us)|hear\s+from\s+you|get\s+well|feel\s+better|recover|hope\s+to|look\s+forward|catch\s+up|write|come\s+back|visit\s+us|back\s+on\s+your\s+feet)\s+(?:\w+\s+){0,2}(?:soon|shortly)\b/i;
/**
 * Wishes and general statements: "hopefully we'll have it soon", "we always work as quickly as
 * possible", "we're here 24/7 and will respond as quickly as we can".
 */
const WISH_OR_GENERAL = /\b(?:hopefully|fingers\s+crossed|hope|wish|look(?:ing)?\s+forward|can(?:'|’)?t\s+wait|see\s+you|welcome\s+you|always|every\s+time|whenever|24\/7|around\s+the\s+clock)\b/i;
/** "We'll do our best to get you moving as quickly as possible", "as fast as we can": effort promised, not a time. */
const EFFORT = /\b(?:do(?:ing)?\s+(?:our|their|its|my)\s+(?:very\s+)?best|doing\s+(?:all|everything)\s+(?:we|they|it|I)\s+can|as\s+fast\s+as\s+(?:we|they|I)\s+can)\b/i;
/**
 * "Our team is aware of this and looking into making those episodes available ASAP": while the
 * cause is still being looked for, nobody can time the fix. When we next write still can be
 * ("we're looking into it and will get back to you shortly").
 */
const INVESTIGATING = /\b(?:aware\s+of|looking\s+into|investigating)\b/i;
const OUR_NEXT_WORD = /\b(?:get\s+back|follow\s+up|update|reply|respond|answer|be\s+in\s+touch|reach\s+out|contact|call|let\s+you\s+know|message|dm|e-?mail)\b/i;
/** "The next available agent will be with you as soon as possible": a queue's length is not what the agent writing can see. */
const QUEUE = /\bnext\s+available\s+(?:agent|representative|rep|advisor|adviser|team\s+member|colleague|person)\b/i;
/** An emergency handled by others (the emergency services at a line closure): no time can be known. */
const EMERGENCY = /\bemergenc(?:y|ies)\b/i;

/** "You'll find a new favourite soon": the customer's timeline, not a promise of ours. */
const CUSTOMER_SUBJECT = /\byou(?:(?:'|’)ll|\s+will|(?:'|’)re\s+going\s+to|\s+are\s+going\s+to)\s+(?:\w+\s+){0,5}$/i;
/**
 * "Send us a DM so we can connect ASAP": the next move is the customer's; how fast we get in
 * touch once they write is not a timeline they wait on.
 */
const CONTACT_ONCE_THEY_WRITE = /\bso\s+(?:that\s+)?(?:we|I)\s+can\s+(?:connect|reach\s+out|get\s+in\s+touch|contact\s+you|follow\s+up|chat|talk)\s*$/i;
/**
 * "Please e-mail us at … and we'll get back to you as soon as possible": asked to write to us
 * first, the customer waits on nothing yet; our answer to what they send is the next step's.
 */
const ASKED_TO_WRITE = /\b(?:please\s+|kindly\s+)?(?:send\s+us|e-?mail\s+us|dm\s+us|message\s+us|write\s+to\s+us|reach\s+(?:out\s+to\s+)?us|contact\s+us|call\s+us|get\s+in\s+touch\s+with\s+us|fill\s+(?:in|out)|submit|(?:you\s+can\s+)?reach\s+us)\b/i;
const OUR_ANSWER = /\b(?:we|I|our\s+team|the\s+team)(?:(?:'|’)ll|\s+will|\s+can)\s+(?:\w+\s+){0,2}(?:respond|reply|answer|get\s+back|be\s+in\s+touch|reach\s+out|follow\s+up|look\s+into\s+it|help|assist)\b[^.!?]*$/i;
/**
 * Where our own clause starts in a sentence that opened with a request to the customer: "Please add
 * a new card and we will unlock your account ASAP" asks them first, then promises our part.
 */
const OUR_CLAUSE = /\b(?:we|I|our\s+team|the\s+team)(?:(?:'|’)ll|\s+will|\s+shall|\s+can|\s+(?:are|am)\s+going\s+to|(?:'|’)re\s+going\s+to)\b/gi;
/** The customer is asked to act soon: their timeline, not ours. */
const CUSTOMER_ACTS = /^\s*(?:please\b|kindly\b|could\s+you\b|can\s+you\b|would\s+you\b|if\s+you\b|try\b|make\s+sure\b|remember\b)|\b(?:please|you\s+(?:should|must|need\s+to|can))\s+(?:\w+\s+){0,6}$/i;

/**
 * A time the customer can plan around, in the sentence before or after ("… ASAP. Your flight is
 * now estimated to depart at 5:45 pm."), or given by us earlier in the conversation.
 */
function timeNearby(context: RuleContext, sentenceStart: number): boolean {
  const sentences = context.analysis.sentences();
  const index = sentences.findIndex((sentence) => sentence.start === sentenceStart);
  if (index !== -1 && [sentences[index - 1], sentences[index + 1]].some((sentence) => sentence && mentionsTime(sentence.text))) return true;
  return context.reply.thread.some((turn) => turn.role === 'agent' && mentionsTime(turn.text));
}

/** Where the sentence before this one starts (this one's start when it is the first). */
function previousSentenceStart(context: RuleContext, sentenceStart: number): number {
  const sentences = context.analysis.sentences();
  const index = sentences.findIndex((sentence) => sentence.start === sentenceStart);
  return index > 0 ? sentences[index - 1]!.start : sentenceStart;
}

export default defineRule(
  {
    id: 'vague-timeline',
    languages: ['en'],
    category: 'responsible',
    severity: 'warning',
    fixable: false,
    // What it finds in a sentence never depends on the rest of the reply.
    scope: 'paragraph',
    docs: {
      description: '"Soon", "shortly", "ASAP", "as soon as possible" where the customer waits on us, with no time given.',
      why: '"Soon" means an hour to one agent and a week to another, and the customer keeps checking. Give a time or a range ("by 3 pm", "within 2 business days"), or say when you will next update them.',
      examples: {
        bad: [
          { text: "We'll have the sync working again soon." },
          { text: 'Your refund will be processed as soon as possible.' },
          { text: 'The team is looking into it and will get back to you shortly.' },
          { text: 'Please add a new card and we will unlock your account ASAP.' },
          { text: "We've looked into it and will reissue your ticket soon." },
          { text: 'An agent will call you back as soon as possible.', note: 'A callback we arrange is ours to time.' },
          { text: 'The outage is still open in your area and we are working to get it restored as quickly as possible.' },
          { text: "Thanks for the details. We're looking into this and will follow up with next steps ASAP.", note: 'When we next write is ours to time, even while we look.' },
        ],
        good: [
          { text: "We'll have the sync working again within 2 hours; I'll update you by 3 pm either way." },
          { text: 'Your refund will be processed shortly, within 3-5 business days.' },
          { text: 'Thanks, Priya. Talk soon!' },
          { text: 'Please send the screenshot as soon as you can, and I will take it from there by Monday.' },
          { text: 'Hope you feel better soon.' },
          { text: 'We hope to welcome you on board again soon.' },
          { text: "Hopefully we'll have the album back in the catalogue soon." },
          { text: "I'm so sorry the blender failed so soon after you bought it." },
          { text: 'Please add a new card as soon as possible so the next payment goes through.' },
          {
            text: 'The crew is doing all it can to get you moving ASAP. Your new departure time is 6:10 pm.',
            note: 'The time is in the next sentence.',
          },
          {
            text: "Enjoy your meal, and we'll do our best to get you going soon!",
            context: { thread: [{ role: 'agent', text: 'Your train is now due to leave at 9 p.m.' }, { role: 'customer', text: 'Thanks! Will the app show any change?' }] },
            note: 'The agent gave the time earlier in the conversation.',
          },
          { text: "Sorry the seasonal menu is over! You'll discover another favourite soon, I'm sure.", note: "The customer's timeline, not ours." },
          { text: 'Thanks for flying with us. Do visit us again soon!' },
          { text: "Message us any time. We're around 24/7 and will answer as quickly as we can." },
          { text: 'DM us the e-mail address on your account so we can get in touch ASAP.', note: 'The next move is the customer\'s.' },
          {
            text: 'Sorry for the long lines. Our staff will do their best to get you moving as quickly as possible.',
            note: 'Effort promised, not a time: the queue is not ours to time.',
          },
          { text: "We hear you. We're working as fast as we can to update our fleet and will soon have Wi-Fi on every plane." },
          {
            text: 'Our team is aware of this and looking into making those episodes available on all devices ASAP.',
            note: 'Still under investigation: no time can be known yet.',
          },
          {
            text: "We're sorry for the long wait. The next available agent will be with you as soon as possible.",
            note: 'A place in the phone queue: the agent writing here cannot see how long it is.',
          },
          {
            text: 'Some lines will be reopening shortly, so you will get through, but delays are expected.',
            context: { thread: [{ role: 'agent', text: 'Due to the emergency services dealing with an incident at Preston, all lines are closed.' }] },
            note: 'An emergency handled by others: nobody can time the reopening.',
          },
          {
            text: "We can't process refunds here. Please send us an e-mail through the help form and we'll get back to you as soon as possible.",
            note: 'Asked to write first, the customer waits on nothing yet.',
          },
        ],
      },
    },
  },
  (context) => {
    if (!/soon|shortly|asap|due\s+course|near\s+future|some\s+point|in\s+a\s+(?:bit|while|little)|now\b|quickly|coming\s+(?:days|weeks)/i.test(context.prose)) return;
    const seen = new Set<number>();
    for (const match of findAll(VAGUE, context.prose)) {
      const sentence = sentenceAt(context, match.start);
      if (seen.has(sentence.start)) continue;
      const before = context.prose.slice(sentence.start, match.start);
      // Whose timeline: the clause our promise sits in, when the sentence asked the customer first.
      const ours = [...before.matchAll(OUR_CLAUSE)].at(-1);
      const clause = ours ? before.slice(ours.index) : before;
      if (PLEASANTRY.test(context.prose.slice(sentence.start, match.end))) continue;
      if (CUSTOMER_ACTS.test(clause) || WISH_OR_GENERAL.test(before) || EFFORT.test(before) || QUEUE.test(before) || CUSTOMER_SUBJECT.test(before) || CONTACT_ONCE_THEY_WRITE.test(before)) continue;
      const investigating = INVESTIGATING.exec(before);
      if (investigating && !OUR_NEXT_WORD.test(before.slice(investigating.index))) continue;
      if (EMERGENCY.test(context.prose) || context.reply.thread.some((turn) => turn.role === 'agent' && EMERGENCY.test(turn.text))) continue;
      if (OUR_ANSWER.test(before) && ASKED_TO_WRITE.test(context.prose.slice(previousSentenceStart(context, sentence.start), match.start))) continue;
      if (mentionsTime(sentence.text) || timeNearby(context, sentence.start)) continue;
      seen.add(sentence.start);
      context.report({
        message: `"${match.text}" leaves the customer guessing; give a time or a range ("by 3 pm", "within 2 business days").`,
        start: match.start,
        end: match.end,
      });
    }
  },
);
