import { hostIs, lastTextOf, textOf, type SiteAdapter } from './adapter.js';

/** Intercom's inbox: the conversation stream and the customer's name in its header. */
export const intercom: SiteAdapter = {
  id: 'intercom',
  name: 'Intercom',
  origins: ['https://app.intercom.com/*', 'https://app.eu.intercom.com/*', 'https://app.au.intercom.com/*'],
  matches: (location, document) => hostIs(location, 'intercom.com') || document.querySelector('[data-preach-site="intercom"]') !== null,
  read(document) {
    const customerName = textOf(document, ['[data-testid="conversation-header-title"]', '.inbox__conversation-controls__header-title', '[data-conversation-title]']);
    const customerMessage = lastTextOf(document, ['[data-testid="conversation-part-user"] [data-testid="conversation-part-body"]', '.conversation__part--user .conversation__part-body']);
    const conversationId = /\/conversations?\/(\d+)/.exec(document.location.pathname)?.[1];
    return { customerName, customerMessage, channel: 'chat', ...(conversationId ? { conversationId } : {}) };
  },
};
