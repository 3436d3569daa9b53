import { compile } from 'html-to-text';

/**
 * HTML bodies (Intercom, Help Scout, Freshdesk, Zendesk `html_body`) as the plain text a
 * customer reads. Link targets and images are dropped (a URL is not prose); quoted earlier
 * e-mails are dropped too, since they are not part of this reply.
 */
export const htmlToText: (html: string) => string = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'blockquote', format: 'skip' },
    { selector: 'div.gmail_quote', format: 'skip' },
  ],
});
