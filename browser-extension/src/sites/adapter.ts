/**
 * What a help desk's ticket view tells preach about the conversation a reply answers. One file per
 * help desk, so a help desk that changes its markup is fixed in one place.
 */
export interface PageContext {
  customerName?: string;
  /** The customer's latest message: the one the reply answers. */
  customerMessage?: string;
  channel?: 'chat' | 'email' | 'social' | 'sms';
  tags?: string[];
  /** The ticket or conversation, so what the agent ignores is kept per reply. */
  conversationId?: string;
}

export interface SiteAdapter {
  id: string;
  name: string;
  /** Match patterns for the help desk's agent pages: what the options page asks permission for. */
  origins: string[];
  /** Whether this page is this help desk's (by host or by the page's own markup). */
  matches(location: Location, document: Document): boolean;
  /** Reads the conversation around a reply box. */
  read(document: Document, editor: HTMLElement): PageContext;
}

/** The trimmed text of the first element matching any of the selectors, in order. */
export function textOf(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const element = root.querySelector(selector);
    const text = (element as HTMLElement | null)?.innerText?.trim() ?? element?.textContent?.trim();
    if (text) return text;
  }
  return undefined;
}

/** The trimmed text of the last element matching any of the selectors: the latest message in a thread. */
export function lastTextOf(root: ParentNode, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const all = root.querySelectorAll(selector);
    const element = all[all.length - 1] as HTMLElement | undefined;
    const text = element?.innerText?.trim() ?? element?.textContent?.trim();
    if (text) return text;
  }
  return undefined;
}

export function hostIs(location: Location, ...suffixes: string[]): boolean {
  return suffixes.some((suffix) => location.hostname === suffix || location.hostname.endsWith(`.${suffix}`));
}
