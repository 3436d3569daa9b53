import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test pages laid out like help desks' ticket views: the conversation (marked up the way each
 * site adapter reads it), and a reply box made with a real editor library from npm.
 */

export type EditorName = 'textarea' | 'contenteditable' | 'prosemirror' | 'quill' | 'ckeditor5' | 'trix' | 'draftjs';

export interface TicketPage {
  /** File name under the pages folder. */
  file: string;
  site: string;
  editor: EditorName;
  /** What a new paragraph is in the editor's own plain text. */
  paragraphBreak: string;
  /**
   * `grouped`: the editor's undo joins edits made within a moment of each other into one step
   * (Quill), so undoing the fix may also take back what was typed just before it, as when the
   * agent types the word themselves. Otherwise one undo takes back the fix alone.
   */
  undo?: 'grouped';
}

export const CUSTOMER = { name: 'Dana Whitfield', message: 'My card was declined twice and now my account is locked. I need this sorted today.' };

/** Each help desk's ticket view, with the editor its test uses. */
export const PAGES: TicketPage[] = [
  { file: 'zendesk-textarea.html', site: 'zendesk', editor: 'textarea', paragraphBreak: '\n' },
  { file: 'gmail-contenteditable.html', site: 'gmail', editor: 'contenteditable', paragraphBreak: '\n' },
  { file: 'intercom-prosemirror.html', site: 'intercom', editor: 'prosemirror', paragraphBreak: '\n\n' },
  { file: 'front-quill.html', site: 'front', editor: 'quill', paragraphBreak: '\n\n', undo: 'grouped' },
  { file: 'freshdesk-ckeditor5.html', site: 'freshdesk', editor: 'ckeditor5', paragraphBreak: '\n\n' },
  { file: 'helpscout-trix.html', site: 'helpscout', editor: 'trix', paragraphBreak: '\n' },
  { file: 'zendesk-draftjs.html', site: 'zendesk', editor: 'draftjs', paragraphBreak: '\n' },
];

/** The conversation as each help desk marks it up (what its adapter in browser-extension/src/sites reads). */
const CONVERSATIONS: Record<string, string> = {
  zendesk: `
    <header><span data-test-id="ticket-id">4821</span> <span data-test-id="omni-header-requester-name">${CUSTOMER.name}</span></header>
    <div data-test-id="omni-log-comment-item" data-author-role="end-user"><div data-test-id="omni-log-message-content">Hello, I have a question about invoices.</div></div>
    <div data-test-id="omni-log-comment-item" data-author-role="agent"><div data-test-id="omni-log-message-content">Happy to help. What do you see?</div></div>
    <div data-test-id="omni-log-comment-item" data-author-role="end-user"><div data-test-id="omni-log-message-content">${CUSTOMER.message}</div></div>`,
  gmail: `
    <h2 class="hP">Card declined</h2>
    <div class="adn ads"><span class="gD" name="${CUSTOMER.name}" email="dana@example.com">${CUSTOMER.name}</span><div class="a3s">${CUSTOMER.message}</div></div>`,
  intercom: `
    <header><h1 data-testid="conversation-header-title">${CUSTOMER.name}</h1></header>
    <div data-testid="conversation-part-user"><div data-testid="conversation-part-body">${CUSTOMER.message}</div></div>`,
  freshdesk: `
    <header><span data-test-id="requester-info-name">${CUSTOMER.name}</span></header>
    <div data-test-id="conversation-item" data-incoming="true"><div data-test-id="conversation-content">${CUSTOMER.message}</div></div>`,
  helpscout: `
    <header><span data-cy="CustomerProfile.Name">${CUSTOMER.name}</span></header>
    <div data-cy="Thread" data-thread-type="customer"><div data-cy="ThreadBody">${CUSTOMER.message}</div></div>`,
  front: `
    <header><span data-testid="conversation-contact-name">${CUSTOMER.name}</span></header>
    <div data-testid="message" data-inbound="true"><div data-testid="message-body">${CUSTOMER.message}</div></div>`,
};

const STYLE = `
  body { font: 15px/1.5 system-ui, sans-serif; margin: 0; background: #f3f4f6; color: #1f2937; }
  .ticket { display: grid; grid-template-columns: 220px 1fr; min-height: 100vh; }
  nav { background: #1f2937; color: #e5e7eb; padding: 16px; }
  main { padding: 20px 28px; max-width: 760px; }
  .conversation > div, .conversation > header { background: #fff; border: 1px solid #e5e7eb; border-radius: 8px; padding: 10px 14px; margin-bottom: 10px; }
  #composer { background: #fff; border: 1px solid #9ca3af; border-radius: 8px; min-height: 160px; margin-top: 14px; }
  #composer textarea { width: 100%; box-sizing: border-box; min-height: 160px; border: 0; padding: 12px; font: 15px/1.5 system-ui, sans-serif; resize: vertical; }
  #composer .editable, #composer .ProseMirror, #composer .ql-editor, #composer .ck-editor__editable, #composer trix-editor, #composer .public-DraftEditor-content { min-height: 150px; padding: 12px; outline: none; white-space: pre-wrap; }
  #composer trix-editor { display: block; }
  #composer .ck-toolbar { display: none; }
  #composer .ProseMirror p, #composer .ql-editor p, #composer .ck-editor__editable p { margin: 0 0 0.6em; }
  button#send { margin-top: 10px; background: #2563eb; color: #fff; border: 0; border-radius: 6px; padding: 8px 18px; font-size: 15px; }
`;

/** Writes the pages and their bundled editors into `dir`. */
export async function writePages(dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const editors = [...new Set(PAGES.map((page) => page.editor))];
  await build({
    entryPoints: Object.fromEntries(editors.map((editor) => [editor, join(import.meta.dirname, 'editors', `${editor}.ts`)])),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    outdir: dir,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
  });
  for (const page of PAGES) {
    writeFileSync(
      join(dir, page.file),
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Ticket 4821 · ${page.site}</title><style>${STYLE}</style></head>
<body data-preach-site="${page.site}">
<div class="ticket">
<nav>Views<br>Open tickets<br>Pending</nav>
<main>
<section class="conversation">${CONVERSATIONS[page.site]}</section>
<div id="composer"></div>
<button id="send" type="button">Send</button>
</main>
</div>
<script src="${page.editor}.js"></script>
<script src="send.js"></script>
</body></html>
`,
    );
  }
  // What the help desk would send: the editor's own text, read through the editor's own API.
  writeFileSync(join(dir, 'send.js'), `document.getElementById('send').addEventListener('click', () => { window.sent = window.editorText(); document.body.dataset.sent = 'yes'; });\n`);
}
