// Trix, Basecamp's editor: a <trix-editor> element with its own document model and undo.
import Trix from 'trix';

// Trix puts successive typing at one place into one undo step, and by default starts a new step
// every five seconds of the clock as well. Without the clock, what one Ctrl+Z takes back depends
// only on what was typed where, not on how fast the machine typed it: typing over a selection (a
// fix) is a step of its own, and typing on at the caret joins the step before it.
Trix.config.undo.interval = 0;

const input = document.createElement('input');
input.type = 'hidden';
input.id = 'reply-value';
const editor = document.createElement('trix-editor');
editor.setAttribute('input', 'reply-value');
editor.id = 'reply';
document.getElementById('composer')!.append(input, editor);
Object.assign(window, { editorText: () => (editor as any).editor.getDocument().toString().replace(/\n$/, '') });

// A busy browser may tell the page of a new selection only after it has drawn a few frames. With
// `window.selectionReportedAfterFrames = n`, this page holds each selectionchange event back for
// n frames and then passes it on, so a test meets that case every time instead of now and then.
window.addEventListener(
  'selectionchange',
  (event) => {
    const frames = (window as any).selectionReportedAfterFrames as number | undefined;
    if (!frames || !event.isTrusted) return;
    event.stopImmediatePropagation();
    let left = frames;
    const frame = () => (--left > 0 ? requestAnimationFrame(frame) : document.dispatchEvent(new Event('selectionchange')));
    requestAnimationFrame(frame);
  },
  true,
);
