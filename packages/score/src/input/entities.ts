import { decodeHTMLStrict } from 'entities';
import type { ImportedItem } from '../types.js';

/** Only text that holds a `&…;` can hold an entity: the rest is left as it is, untouched. */
const MAYBE_ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;

/**
 * Text as the customer read it. Exports often carry HTML entities in their plain-text fields (the
 * Twitter corpus's `&amp;`, help desks' `&#39;` and `&nbsp;`), which rules would otherwise read as
 * words ("&amp;" is not "and"). Only complete entities are decoded (`&amp;`, not the `&para` of a
 * URL's `&para=1`). HTML bodies are not touched here: html-to-text decodes them as it converts.
 */
export function decodeEntities(text: string): string;
export function decodeEntities(text: string | undefined): string | undefined;
export function decodeEntities(text: string | undefined): string | undefined {
  return text !== undefined && MAYBE_ENTITY.test(text) ? decodeHTMLStrict(text) : text;
}

/**
 * Decodes the entities in every conversation an input yields, whatever importer read it: the
 * messages' text and their authors' names, and the customer's name.
 */
export async function* decodeItems(items: AsyncIterable<ImportedItem>): AsyncGenerator<ImportedItem> {
  for await (const item of items) {
    if ('conversation' in item) {
      const conversation = item.conversation;
      conversation.customerName = decodeEntities(conversation.customerName);
      for (const message of conversation.messages) {
        message.text = decodeEntities(message.text);
        message.authorName = decodeEntities(message.authorName);
      }
    }
    yield item;
  }
}
