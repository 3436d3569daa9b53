// The benchmark corpus: real support conversations from the shared transcripts when present,
// else a synthetic corpus built from a fixed seed. Every benchmark reads it from here.
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TRANSCRIPTS = process.env.PREACH_TRANSCRIPTS ?? join(root, '..', 'shared', 'data', 'transcripts');

/**
 * The score package's streaming reader alone over a transcript file: conversations read, seconds,
 * and the peak resident memory. Benchmarks run it in a process of its own, so nothing else counts.
 */
export async function readTranscriptFile(path) {
  const { readTranscripts } = await import(pathToFileURL(join(root, 'packages', 'score', 'dist', 'input', 'index.js')).href);
  const started = performance.now();
  const read = await readTranscripts(createReadStream(path), { source: path, path, csvColumns: {} });
  let conversations = 0;
  let peak = process.memoryUsage().rss;
  for await (const item of read.items) {
    if ('conversation' in item) conversations++;
    if ((conversations & 1023) === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  return { conversations, seconds: (performance.now() - started) / 1000, peak: Math.max(peak, process.resourceUsage().maxRSS * 1024) };
}

/** @returns {{conversations: Array<{id: string, channel: string, messages: Array<{role: string, author?: string, text: string}>}>, origin: string}} */
export function loadConversations() {
  if (existsSync(TRANSCRIPTS)) {
    const files = readdirSync(TRANSCRIPTS).filter((f) => f.endsWith('.jsonl')).sort();
    const conversations = files.flatMap((f) => readFileSync(join(TRANSCRIPTS, f), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)));
    return { conversations, origin: `the real agent replies in ${files.join(', ')}` };
  }
  return { conversations: synthetic(3000), origin: 'a synthetic corpus (../shared/data/transcripts/ is absent)' };
}

/** Each agent reply with the customer message just before it. */
export async function loadReplies() {
  const { conversations, origin } = loadConversations();
  const replies = [];
  for (const conversation of conversations) {
    let lastCustomer;
    for (const message of conversation.messages ?? []) {
      if (message.role === 'customer') lastCustomer = message.text;
      else if (message.role === 'agent' && message.text) replies.push({ text: message.text, customerMessage: lastCustomer });
    }
  }
  return { source: origin, replies };
}

function synthetic(count) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const openers = ['Hi there,', 'Hello Sam,', 'Thanks for reaching out!', 'Sorry to hear that.', 'Hey,'];
  const bodies = [
    'We have refunded the second charge and you will see it in 3-5 days.',
    'Please utilize the export page prior to Friday and let us know how it goes.',
    'Our engineers are looking into the outage and we will update you soon.',
    'Can you DM us your order number so we can check the delivery?',
    'I guarantee this will never happen again.',
    'Unfortunately that feature is not available yet, but it is on our roadmap.',
  ];
  const customers = ['My card was declined.', 'The app is down again!', 'Where is my refund?', 'How do I export invoices?', 'Thanks, you rock!'];
  return Array.from({ length: count }, (_, i) => ({
    id: `synthetic-${i}`,
    channel: 'email',
    messages: [
      { role: 'customer', text: pick(customers) },
      { role: 'agent', author: `agent-${i % 3}`, text: `${pick(openers)} ${pick(bodies)} ${pick(bodies)}` },
    ],
  }));
}
