import { hostIs, lastTextOf, textOf, type SiteAdapter } from './adapter.js';

/** Zendesk Support's agent workspace: the ticket's conversation log and the requester. */
export const zendesk: SiteAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  origins: ['https://*.zendesk.com/*'],
  matches: (location, document) => hostIs(location, 'zendesk.com') || document.querySelector('[data-preach-site="zendesk"]') !== null,
  read(document) {
    const customerName = textOf(document, ['[data-test-id="ticket-system-field-requester-select"] [data-garden-id="tags.tag_view"]', '[data-test-id="omni-header-requester-name"]', '[data-test-id="requester-name"]']);
    const customerMessage = lastTextOf(document, ['[data-test-id="omni-log-comment-item"][data-author-role="end-user"] [data-test-id="omni-log-message-content"]', '[data-test-id="omni-log-comment-item"]:not([data-author-role="agent"]) [data-test-id="omni-log-message-content"]']);
    const tags = [...document.querySelectorAll('[data-test-id="ticket-fields-tags"] [data-garden-id="tags.tag_view"]')].map((t) => t.textContent?.trim() ?? '').filter(Boolean);
    const conversationId = /\/agent\/tickets\/(\d+)/.exec(document.location.pathname)?.[1] ?? document.querySelector('[data-test-id="ticket-id"]')?.textContent?.trim();
    return { customerName, customerMessage, ...(tags.length ? { tags } : {}), ...(conversationId ? { conversationId } : {}) };
  },
};
