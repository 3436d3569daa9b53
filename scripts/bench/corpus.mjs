// The benchmark corpus: real agent replies with the customer message each answers, from the
// shared transcripts when present, else a synthetic corpus built from a fixed seed.
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const TRANSCRIPTS = process.env.PREACH_TRANSCRIPTS ?? join(root, '..', 'shared', 'data', 'transcripts');

/** @returns {Promise<{source: string, replies: Array<{text: string, customerMessage?: string}>}>} */
export async function loadReplies() {
  if (existsSync(TRANSCRIPTS)) {
    const replies = [];
    for (const name of readdirSync(TRANSCRIPTS).filter((n) => n.endsWith('.jsonl')).sort()) {
      const lines = createInterface({ input: createReadStream(join(TRANSCRIPTS, name)), crlfDelay: Infinity });
      for await (const line of lines) {
        if (!line.trim()) continue;
        let lastCustomer;
        for (const message of JSON.parse(line).messages ?? []) {
          if (message.role === 'customer') lastCustomer = message.text;
          else if (message.role === 'agent' && message.text) replies.push({ text: message.text, customerMessage: lastCustomer });
        }
      }
    }
    return { source: `real agent replies from ${TRANSCRIPTS}`, replies };
  }
  return { source: 'synthetic replies (transcripts folder absent)', replies: synthetic(3000) };
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
  return Array.from({ length: count }, () => ({ text: `${pick(openers)} ${pick(bodies)} ${pick(bodies)}`, customerMessage: pick(customers) }));
}
