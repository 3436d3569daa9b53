import { hostIs, lastTextOf, textOf, type SiteAdapter } from './adapter.js';

/** Help Scout: the conversation's threads and the customer card. */
export const helpScout: SiteAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  origins: ['https://secure.helpscout.net/*'],
  matches: (location, document) => hostIs(location, 'helpscout.net') || document.querySelector('[data-preach-site="helpscout"]') !== null,
  read(document) {
    const customerName = textOf(document, ['[data-cy="CustomerProfile.Name"]', '.c-customer-profile__name']);
    const customerMessage = lastTextOf(document, ['[data-cy="Thread"][data-thread-type="customer"] [data-cy="ThreadBody"]', '.thread.customer .thread-body']);
    const conversationId = /\/conversation\/(\d+)/.exec(document.location.pathname)?.[1];
    return { customerName, customerMessage, channel: 'email', ...(conversationId ? { conversationId } : {}) };
  },
};
