import { hostIs, lastTextOf, textOf, type SiteAdapter } from './adapter.js';

/** Freshdesk: the ticket's conversation and the requester's card. */
export const freshdesk: SiteAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  origins: ['https://*.freshdesk.com/*'],
  matches: (location, document) => hostIs(location, 'freshdesk.com') || document.querySelector('[data-preach-site="freshdesk"]') !== null,
  read(document) {
    const customerName = textOf(document, ['[data-test-id="requester-info-name"]', '.requester-info .requester-name']);
    const customerMessage = lastTextOf(document, ['[data-test-id="conversation-item"][data-incoming="true"] [data-test-id="conversation-content"]', '.ticket-details__item--incoming .ticket-details__item-content']);
    const conversationId = /\/a\/tickets\/(\d+)/.exec(document.location.pathname)?.[1];
    return { customerName, customerMessage, channel: 'email', ...(conversationId ? { conversationId } : {}) };
  },
};
