import { hostIs, lastTextOf, type SiteAdapter } from './adapter.js';

/** Gmail: the thread's messages (the sender's name is an attribute of the sender chip). */
export const gmail: SiteAdapter = {
  id: 'gmail',
  name: 'Gmail',
  origins: ['https://mail.google.com/*'],
  matches: (location, document) => hostIs(location, 'mail.google.com') || document.querySelector('[data-preach-site="gmail"]') !== null,
  read(document, editor) {
    // The sender of the message being answered: the last message in the thread not from the agent.
    const senders = [...document.querySelectorAll('.adn.ads .gD[name]')];
    const customerName = senders[senders.length - 1]?.getAttribute('name') ?? undefined;
    const customerMessage = lastTextOf(document, ['.adn.ads .a3s']);
    const conversationId = document.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id') ?? editor.closest('[data-thread-id]')?.getAttribute('data-thread-id') ?? undefined;
    return { customerName, customerMessage, channel: 'email', ...(conversationId ? { conversationId } : {}) };
  },
};
