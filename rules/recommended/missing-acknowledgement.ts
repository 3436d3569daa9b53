import { defineRule, type RuleContext } from '@preach/core';
import { ACKNOWLEDGEMENT } from '../src/helpers/acknowledgement.js';
import { customerUpset, noBadNewsOfOurs, ONLY_WHEN_UPSET_SCHEMA } from '../src/helpers/customer.js';

/** A reply in another language cannot be judged with English phrases. */
const ENGLISH = /\b(?:the|you|your|we|to|and|is|for|it|this|i)\b/i;

/**
 * Asks for information: a question mark, a question word opening a sentence or clause, or a
 * question asked indirectly ("if you could tell me if there's an outage", "wondering whether").
 */
const QUESTION =
  /\?|\b(?:tell|let)\s+me\s+(?:know\s+)?(?:if|whether|when|where|why|how|what)\b|\bwonder(?:ing)?\s+(?:if|whether|why|when|how|what)\b|\b(?:I(?:'|’)d|I\s+would)\s+like\s+to\s+know\b|(?:^|[.!]\s+)(?:how|what|where|when|why|which|who|can|could|would|will|is|are|am|do|does|did|should|any\s+(?:idea|update|news))\b|\b(?:how|what|where|when|why)\s+(?:do|does|did|can|could|would|should|is|are|to)\b/i;
/** A message this short and calm is most often a follow-up in a thread ("nope, still down"). */
const FOLLOW_UP_WORDS = 3;
/** Handles are names, not words of the message. */
const HANDLE = /(?<![\w@])@\w+/g;
/**
 * A calm report owes an acknowledgement when it is the customer's own problem ("my card",
 * "your app") and not news about others ("lots of phishing sites hosted here").
 */
/** Moods that show a feeling to acknowledge, and how sure the model must be of them. */
const FEELING_MOODS = new Set(['anxious', 'frustrated', 'angry', 'grieving']);
const MOOD_CONFIDENCE = 0.5;
const PERSONAL_STAKE = /\b(?:i|i'm|i’m|i've|i’ve|me|my|mine|we|we're|we’re|us|our|you|your|you're|you’re)\b/i;

/**
 * An acknowledgement is expected when the situation was named for the reply (given or tagged),
 * when the customer has lost someone, when they show how they feel (in words or signs, or as the
 * customer-turn model reads their mood), or when they calmly report a problem of their own in
 * words that name it ("my card was declined", "hacked", "is down"). A calm question ("is this where
 * I report an outage?"), a short follow-up, news about others, or a calm request in a situation
 * like cancellation needs none.
 */
function acknowledgementExpected(context: RuleContext, onlyWhenUpset: string[]): boolean {
  const { situation, customerMessage } = context.reply;
  if (situation.id && onlyWhenUpset.includes(situation.id)) return customerUpset(context);
  if (situation.source !== 'inferred') return true;
  if (noBadNewsOfOurs(context)) return false;
  if (situation.id === 'bereavement' || customerUpset(context)) return true;
  if (context.reply.mood && FEELING_MOODS.has(context.reply.mood.id) && context.reply.mood.confidence >= MOOD_CONFIDENCE) return true;
  // Calm from here: only a problem the customer names outright ("my card was declined"), not asks
  // about or thanks us for.
  if (!situation.signal || context.analysis.customerSentiment() > 0) return false;
  const withoutHandles = customerMessage!.replace(HANDLE, ' ').trim();
  if (withoutHandles.split(/\s+/).length <= FOLLOW_UP_WORDS || !PERSONAL_STAKE.test(withoutHandles)) return false;
  // "@brand is down" names someone: with the handle left out, the report would read as a question.
  return !QUESTION.test(customerMessage!.replace(HANDLE, 'Someone').trim());
}

/**
 * The reply answers the concern with what the team has already done or is doing about it ("We've
 * prohibited these items and are removing listings", "our team is working to have these removed",
 * "we're complying … by prohibiting certain items", "we are currently working hard reviewing and
 * removing any listings", "we're partnering with distributors to provide what we can"):
 * the action shows the concern was heard. A promise to look ("we're looking into it") is not one.
 */
const ACTION_TAKEN =
  /\b(?:we(?:'|’)ve|we\s+have|I(?:'|’)ve|I\s+have|we(?:'|’)re|we\s+are|our\s+(?:team|teams)\s+(?:has|have|is|are))\s+(?:(?:already|now|also|actively|tirelessly|still|currently)\s+)*(?:prohibited|banned|removed|blocked|taken\s+(?:action|steps)|taking\s+(?:action|steps)|(?:working\s+(?:hard|diligently|around\s+the\s+clock)\s+(?:on\s+)?)?(?:reviewing\s+and\s+)?(?:removing|prohibiting|banning|blocking)\b|(?:partnering|teaming\s+up)\s+with\s+(?:[\w-]+\s+){1,3}to\s+(?:provide|supply|deliver|distribute|send)\b|(?:in\s+the\s+process\s+of|working\s+to(?:\s+have\s+\w+)?)\s+(?:\w+\s+)?(?:remov|prohibit|ban|block|review)\w*|\w+ing\b[^.!?]{0,80}?\bby\s+(?:prohibiting|banning|removing|blocking))\b/i;

/**
 * A promise to put right the very thing the customer named ("We want to help you get your battery
 * life back on track", "we'll get your sync fixed today", "Let us help with your Home button", "We
 * want your iPhone to work as expected"): naming their problem and owning the fix shows it was
 * heard, as a sorry would. A promise to look, or to help in general, is not one.
 */
const COMMITS_TO_FIX =
  /\b(?:(?:(?:we|I)(?:(?:'|’)d|\s+would|(?:'|’)ll|\s+will|\s+want\s+to|(?:'|’)re\s+going\s+to|\s+are\s+going\s+to)\s+(?:(?:like|love)\s+to\s+)?(?:help\s+(?:you\s+)?)?|let(?:'|’)s\s+)(?:get|fix|sort|resolve|repair|replace|work\s+on)\b|(?:let\s+(?:us|me)|(?:we|I)(?:(?:'|’)d|\s+would)\s+(?:like|love)\s+to|(?:we|I)(?:(?:'|’)ll|\s+will|\s+can|(?:'|’)re\s+here\s+to|\s+are\s+here\s+to))\s+help\s+(?:you\s+)?with\s+(?:your|the)\b|(?:we|I)\s+want\s+(?:your|the)\s+(?:[\w-]+\s+){1,3}to\s+work\b)/i;
/**
 * The customer's problem said back in their words: a "can't", "won't", "not working" and a word
 * they used ("If you can't make calls …" to "I cannot make calls or text people").
 */
const NEGATED_PHRASE = /\b(?:can(?:'|’)?t|cannot|can\s+not|won(?:'|’)?t|isn(?:'|’)?t|aren(?:'|’)?t|doesn(?:'|’)?t|don(?:'|’)?t|didn(?:'|’)?t|not|no\s+longer|unable\s+to)\s+((?:\p{L}+\s+){0,2}\p{L}+)/giu;
/** Words too general to name a customer's problem. */
const GENERAL_WORDS = new Set(['help', 'please', 'issue', 'issues', 'problem', 'problems', 'account', 'thanks', 'thank', 'need', 'just', 'does', 'what', 'with', 'that', 'this', 'your', 'from', 'have', 'been', 'they', 'them', 'there', 'their', 'about', 'would', 'could', 'should', 'still', 'really', 'some', 'something', 'anything', 'everything', 'again', 'when', 'will', 'want', 'like', 'know', 'back', 'track', 'sort', 'sorted', 'work', 'working', 'works', 'time', 'today', 'here', 'make', 'sure', 'right', 'thing', 'things', 'support', 'service', 'team', 'there', 'where', 'then', 'than', 'were', 'into', 'over', 'only', 'even', 'much', 'many', 'more', 'most', 'very', 'also', 'after', 'before']);
const CONTENT_WORD = /\p{L}{4,}/gu;

/** The words of a text that can name a problem: four letters or more, in lower case, none of GENERAL_WORDS. */
function contentWords(text: string): string[] {
  return [...text.toLowerCase().matchAll(CONTENT_WORD)].map((m) => m[0]).filter((word) => !GENERAL_WORDS.has(word));
}

function fixesNamedProblem(prose: string, customerMessage: string | undefined, sentences: readonly { text: string }[]): boolean {
  if (!customerMessage) return false;
  const named = new Set(contentWords(customerMessage));
  if (named.size === 0 || !COMMITS_TO_FIX.test(prose)) return false;
  const names = (text: string) => contentWords(text).some((word) => named.has(word));
  if (sentences.some((sentence) => COMMITS_TO_FIX.test(sentence.text) && names(sentence.text))) return true;
  // The commitment in one sentence, the problem said back in another.
  return [...prose.matchAll(NEGATED_PHRASE)].some((m) => names(m[1]!));
}

/**
 * The customer's problem said back to them as the condition of the answer: "If you're being
 * prompted to authorize your computer constantly, …", "If you're unable to sign in and you have
 * forgotten your password, …". The condition runs to the first comma (a second clause joined by
 * ", and" too).
 */
const CONDITION_SAID_BACK =
  /\bif\s+(?:you(?:'|’)re|you\s+are|you(?:'|’)ve|you\s+have|you\s+can(?:'|’)?t|you\s+cannot|you\s+keep|you\s+(?:still\s+)?(?:get|see|receive))\b[^.!?,:;]*(?:,\s*and\b[^.!?,:;]*)?/gi;
/** Two of the customer's own words (by their first five letters: "authorize", "authorization") make it their problem, not a stock "if you have any questions". */
const WORDS_SAID_BACK = 2;
const stem = (word: string) => word.slice(0, 5);

function saysProblemBack(prose: string, customerMessage: string | undefined): boolean {
  if (!customerMessage) return false;
  const named = new Set(contentWords(customerMessage).map(stem));
  for (const condition of prose.matchAll(CONDITION_SAID_BACK)) {
    const shared = new Set(contentWords(condition[0]).map(stem).filter((s) => named.has(s)));
    if (shared.size >= WORDS_SAID_BACK) return true;
  }
  return false;
}

/**
 * One part of a thread ("2/2 …", "… 1/3"): the acknowledgement may be in another part, so
 * this one cannot be judged alone.
 */
const THREAD_PART = /^\s*(?:\(?[1-9]\/[2-9]\)?\s|\.{2,}|…|(?:and|&)\s)|(?:^|[\s(])[1-9]\/[2-9]\)?\.?\s*(?:\S+\s*){0,2}$/;

export default defineRule(
  {
    id: 'missing-acknowledgement',
    languages: ['en'],
    category: 'empathetic',
    severity: 'warning',
    fixable: false,
    when: { sensitivity: 'high' },
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        only_when_upset: ONLY_WHEN_UPSET_SCHEMA,
      },
    },
    defaultOptions: { only_when_upset: ['cancellation'] },
    docs: {
      description: 'A sensitive situation where the reply never acknowledges what happened or how it feels.',
      why: 'When something went wrong, a customer wants to know we noticed before they read the fix. One line ("I\'m sorry your card was declined twice", "I can see why that\'s worrying", "We don\'t like to hear this", "That was our oversight") shows a person read their message; without it the fix reads like a macro. With the situation inferred, it is expected only when the customer shows a feeling or reports a problem: a calm question ("is this where I report an outage?"), small talk, a short follow-up, someone else\'s abuse reported, or a failed attempt on the account told calmly ("someone was trying to access my account") owes none. A reply that states the action taken ("we\'re removing these listings", "we\'re partnering with distributors to provide what we can"), commits to fixing the very thing named, or says the customer\'s problem back as the condition of its answer ("If you\'re unable to sign in and have forgotten your password, …") has shown it was heard.',
      examples: {
        bad: [
          {
            text: 'Please update your card under Billing and try again.',
            context: { customerMessage: 'My card was declined and now my account is locked.' },
          },
          { text: 'The service is back up. Reload the page to continue.', context: { situation: 'outage' } },
          { text: "I've closed the account.", context: { customerMessage: 'My father passed away last month; how do I close his account?' } },
          { text: 'No worries, we can close that account for you.', context: { situation: 'bereavement' } },
          {
            text: 'Your subscription is cancelled and you will not be charged again.',
            context: { customerMessage: 'This is the worst service ever. Cancel my subscription right now.' },
          },
          { text: "Please DM us your account number and we'll take a look.", context: { customerMessage: 'Two hours on hold and nobody picks up. So annoying.' } },
          {
            text: "We're working through the requests. Please DM us your order number.",
            context: { customerMessage: 'You charged me twice this month. Ridiculous!' },
            note: 'Work in progress, not an action on the concern.',
          },
          {
            text: 'You can report it to our abuse team here: https://example.com/abuse',
            context: { customerMessage: 'Someone got into my account and is sending spam from it. I need to report this now!' },
            note: 'The abuse is done to the customer.',
          },
          {
            text: 'Hi there. We suggest adding extra layers of security to your account with these tips: https://example.com/security',
            context: { customerMessage: 'People from another country were really trying to sign into my account.. wtf' },
            note: 'An attempt, but the customer is upset by it.',
          },
          {
            text: 'Hi there. These steps may help you get back into your account: https://example.com/recover',
            context: { customerMessage: 'Someone has been trying to log into my account and today they changed my password so I can no longer access it.' },
            note: 'The attempt worked.',
          },
          {
            text: "We're looking into it and will get back to you.",
            context: { customerMessage: 'You charged me twice this month. Ridiculous!' },
            note: 'A promise to look is not an action taken.',
          },
          {
            text: 'We can help with your account. Please DM us your e-mail address.',
            context: { customerMessage: 'You charged me twice this month. Ridiculous!' },
            note: 'Help offered with something the customer never named.',
          },
          {
            text: "We want everything to work as expected. Please DM us your account number.",
            context: { customerMessage: 'I cannot make calls on my phone and nobody answers. Ridiculous!' },
            note: 'Wanting it to work, with the problem never named.',
          },
          {
            text: "If you're still having trouble, please DM us your account number and we'll take a look.",
            context: { customerMessage: 'Your app keeps crashing on my phone and nobody answers. Ridiculous!' },
            note: 'A condition that names none of what the customer said.',
          },
          {
            text: "We'll get that sorted. Please DM us your account number.",
            context: { customerMessage: 'You charged me twice this month. Ridiculous!' },
            note: 'A promise to fix that does not name what went wrong.',
          },
        ],
        good: [
          {
            text: "I'm sorry your card was declined. I've unlocked your account; please try the payment again.",
            context: { customerMessage: 'My card was declined and now my account is locked.' },
          },
          { text: 'Thanks for flagging this. The service is back up since 10:15; reload the page to continue.', context: { situation: 'outage' } },
          { text: 'Your subscription is cancelled and you will not be charged again.', context: { customerMessage: 'Please cancel my subscription.' } },
          { text: 'Click Export under Settings → Invoices.', context: { customerMessage: 'How do I export my invoices?' } },
          { text: 'No, all our systems are up. Try reloading the page.', context: { customerMessage: 'Is the app down right now?' } },
          { text: "We don't like to hear this, Chris. Did you report the damage within seven days?", context: { situation: 'complaint' } },
          { text: "Uh oh! Let's get this working again. Which version of the app are you on?", context: { customerMessage: 'The app keeps crashing every time I open it. So annoying.' } },
          { text: "Hmm, that's weird. Can you send us a screenshot of the error?", context: { customerMessage: 'The app keeps crashing every time I open it. So annoying.' } },
          {
            text: "We want to help you get your battery life back on track. Please DM us and we'll look at it together.",
            context: { customerMessage: 'I just need someone to do something about the battery life because it is awful.' },
            note: 'Their problem, named, and the fix owned.',
          },
          {
            text: 'This was an honest oversight on our side; the fix ships on Friday.',
            context: { customerMessage: 'You left that security hole open for 90 days? Unacceptable.' },
          },
          { text: "Yes, send us a direct message with your address and we'll check your area.", context: { customerMessage: 'Is this where I report an outage?' } },
          {
            text: "Hi, I'd love to help. Please DM me the phone number on the account and the service address.",
            context: { customerMessage: "My internet isn't working and I can't check outages without signing in. If you could just tell me if there's an outage in Salisbury that'd be great." },
            note: 'A calm question, asked without a question mark.',
          },
          { text: 'Please use the form on our abuse page to report these sites.', context: { customerMessage: 'Lots of phishing sites are hosted on this provider today.' } },
          {
            text: 'Thanks, I have the screenshot. The payment team will reverse the second charge today.',
            context: {
              customerMessage: 'Here is the screenshot. This is ridiculous.',
              thread: [
                { role: 'customer', text: 'You charged me twice for March and nobody answers my emails!' },
                { role: 'agent', text: "I'm sorry you were charged twice, Ana. Could you send a screenshot of the statement?" },
              ],
            },
            note: 'The agent acknowledged it earlier in the thread.',
          },
          {
            text: 'Great to hear! Enjoy the rest of your day.',
            context: {
              customerMessage: "Oh good, it's working again, thanks!",
              thread: [{ role: 'customer', text: 'Your app has been down for two hours!!' }],
            },
            note: 'The customer says it is solved: the outage no longer sets the tone.',
          },
          {
            text: "We've prohibited these items and are removing listings that try to profit from the crisis. More here: https://example.com/news",
            context: { customerMessage: 'Why do you let sellers charge $40 for a pack of toilet paper? Disgraceful.' },
            note: 'The reply answers the concern with the action already taken.',
          },
          {
            text: "We're complying with local regulations by prohibiting certain items and removing listings that try to profit from the crisis.",
            context: { customerMessage: 'Are you in the process of removing listings like this one in light of the new rules on pricing???' },
            note: 'The action taken, said as how we comply.',
          },
          {
            text: 'Thanks for reaching out. We are currently working hard reviewing and removing any listings that try to profit from the crisis.',
            context: { customerMessage: 'I hope you are going to shut the disgusting sellers down. This is disgusting! Fix this link' },
            note: 'The removal under way is the action the customer asked for.',
          },
          {
            text: "Thanks for reaching out. Cleaning supplies are limited, but we're partnering with distributors to provide what we can in the cities with the greatest need.",
            context: { customerMessage: 'Where are the cleaning supplies you promised the drivers? Are they being mailed to us?' },
            note: 'What is being done about the shortage answers the concern.',
          },
          {
            text: 'Our team is working to have these listings removed; our policy bans profiting from a disaster.',
            context: { customerMessage: 'People are selling hand gel at ridiculous prices on your site!' },
          },
          {
            text: 'The details are in your DMs now. Let us know if anything is unclear.',
            context: {
              customerMessage: 'Still no sales report and nobody answers. Ridiculous.',
              thread: [
                { role: 'customer', text: "My weekly sales report won't download." },
                { role: 'agent', text: "That's no good. We'll look into it; is it still happening?" },
              ],
            },
            note: '"That\'s no good" acknowledged it earlier in the thread.',
          },
          {
            text: "We'll get this straightened out for you. Send us a DM and we'll take it from there.",
            context: { customerMessage: 'And the battery life got even worst now.' },
          },
          {
            text: 'To report that activity to our abuse team, please use the form here: https://example.com/abuse',
            context: { customerMessage: 'Apple Support popup scammers: https://scam.example/ios WARNING! DO NOT CLICK ON https://scam.example/ios' },
            note: "Someone else's abuse, reported for us to act on: nothing was done to this customer.",
          },
          {
            text: 'If you want to report an e-mail account, please follow the steps in this article: https://example.com/spam',
            context: { customerMessage: "I need to report that someone is sending spam from one of your accounts to my company's e-mail. Where am I supposed to go to make a report?" },
          },
          {
            text: 'Hi there. We suggest adding extra layers of security to your account with these tips: https://example.com/security',
            context: { customerMessage: 'Don’t you love when strangers keep trying to sign into your account? Keep trying, morons' },
            note: 'An attempt that failed, told without a word of feeling: nothing was done to the customer.',
          },
          {
            text: "Mind if we jump in? We'd also suggest adding extra layers of security with these tips: https://example.com/security",
            context: { customerMessage: '2FA should always be used whenever available. Someone in Georgia was trying to access my account.' },
          },
          {
            text: "Send us a DM if you have any questions, we'll give you the full welcome experience!",
            context: { customerMessage: "I can't believe how my old carrier treats its customers, unacceptable and RUDE. I'm switching to you guys" },
            note: 'The anger is at the carrier they are leaving.',
          },
          {
            text: 'Let us help with your Home button. Did this start right after the update?',
            context: { customerMessage: "MY HOME BUTTON DOESN'T WORK" },
            note: 'Their problem, named, and help with it offered.',
          },
          {
            text: "Thank you for reaching out. We want your iPhone to work as expected. If you can't make calls, let's start with the steps here: https://example.com/calls",
            context: { customerMessage: 'My phone is basically an internet device as I cannot make calls or text people. WHAT IS THIS?!?!' },
            note: 'The reply says what is wrong in the customer\'s words and wants it working again.',
          },
          {
            text: "Hi there. If you're being prompted to authorize your computer again and again, these tips can help: https://example.com/authorize",
            context: { customerMessage: 'Just how many times is the app going to ask me to authorize my computer when I sync? This is HIGHLY frustrating?!!?' },
            note: 'The customer\'s exact problem said back to them, with the way out.',
          },
          {
            text: "Hello Jeff. If you're unable to sign in and you have forgotten your password, the recovery options are here: https://example.com/recover",
            context: { customerMessage: 'Your stupid site will not let me login to my email, and I forgot my password. How can I login?' },
          },
          {
            text: "Yikes! What's going on? Try the steps on our playback help page first.",
            context: { customerMessage: 'FIX. THE. ROKU. APP. IMMEDIATELY.' },
            note: 'An uh-oh reaction shows the trouble was noticed; its tone is playful-in-sensitive-situation\'s to judge.',
          },
          {
            text: "We're passing this to our cabin crew leadership for review.",
            context: {
              customerMessage: 'Shame on you and your company.',
              thread: [
                { role: 'customer', text: 'A passenger kicked my son and your crew did nothing!' },
                { role: 'agent', text: 'We expect all of our flyers to be courteous, and sadly this one was not today.' },
              ],
            },
            note: '"Sadly" in the earlier reply already called the incident wrong.',
          },
        ],
      },
    },
  },
  (context) => {
    const { reply, analysis, options } = context;
    if (!context.prose.trim() || ACKNOWLEDGEMENT.test(context.prose) || !ENGLISH.test(context.prose) || THREAD_PART.test(context.prose)) return;
    if (!acknowledgementExpected(context, options.only_when_upset ?? ['cancellation'])) return;
    // What was done speaks for itself when preach inferred a complaint; a loss or a situation the
    // team named still calls for the words.
    if (reply.situation.source === 'inferred' && reply.situation.id !== 'bereavement' && ACTION_TAKEN.test(context.prose)) return;
    if (reply.situation.source === 'inferred' && reply.situation.id !== 'bereavement' && fixesNamedProblem(context.prose, reply.customerMessage, analysis.sentences())) return;
    if (reply.situation.source === 'inferred' && reply.situation.id !== 'bereavement' && saysProblemBack(context.prose, reply.customerMessage)) return;
    // Said once and meant: an acknowledgement the agent already made in this thread counts.
    if (reply.thread.some((turn) => turn.role === 'agent' && ACKNOWLEDGEMENT.test(turn.text))) return;
    const first = analysis.sentences()[0];
    context.report({
      message: `The reply never acknowledges the ${reply.situation.id?.replace(/-/g, ' ')}; say in one line that you see what happened (e.g. "I'm sorry …", "I can see why …").`,
      start: first?.start ?? 0,
      end: first?.end ?? 0,
    });
  },
);
