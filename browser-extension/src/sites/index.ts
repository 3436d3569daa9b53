import type { SiteAdapter } from './adapter.js';
import { freshdesk } from './freshdesk.js';
import { front } from './front.js';
import { gmail } from './gmail.js';
import { helpScout } from './helpscout.js';
import { intercom } from './intercom.js';
import { zendesk } from './zendesk.js';

export type { PageContext, SiteAdapter } from './adapter.js';

/** Every help desk preach reads a ticket view from. */
export const SITES: readonly SiteAdapter[] = [zendesk, intercom, front, helpScout, freshdesk, gmail];

export function siteFor(location: Location, document: Document): SiteAdapter | undefined {
  return SITES.find((site) => site.matches(location, document));
}
