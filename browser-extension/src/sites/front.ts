import { hostIs, lastTextOf, textOf, type SiteAdapter } from './adapter.js';

/** Front: the conversation's messages and the contact in the recipient header. */
export const front: SiteAdapter = {
  id: 'front',
  name: 'Front',
  origins: ['https://app.frontapp.com/*'],
  matches: (location, document) => hostIs(location, 'frontapp.com') || document.querySelector('[data-preach-site="front"]') !== null,
  read(document) {
    const customerName = textOf(document, ['[data-testid="conversation-contact-name"]', '[data-testid="message-sender-name"][data-inbound="true"]']);
    const customerMessage = lastTextOf(document, ['[data-testid="message"][data-inbound="true"] [data-testid="message-body"]']);
    const conversationId = /\/(cnv_[a-z0-9]+)/.exec(document.location.pathname)?.[1];
    return { customerName, customerMessage, channel: 'email', ...(conversationId ? { conversationId } : {}) };
  },
};
