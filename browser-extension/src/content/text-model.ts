/**
 * The text of a reply box as preach reads it, and the way back from an offset in that text to the
 * page: a rectangle to underline, a range to replace. One model for a `textarea` (the text is the
 * value) and one for `contenteditable` (a walk over the text nodes), which covers the rich-text
 * editors help desks build on (ProseMirror, Quill, CKEditor 5, Draft.js, Trix): they all render
 * their document into a contenteditable element and read the browser's edits back from it.
 */
export interface TextModel {
  readonly element: HTMLElement;
  /** The reply as plain text: paragraphs apart by a blank line, as the reply is sent. */
  read(): string;
  /** Client rectangles of text [start, end) as last read. */
  rects(start: number, end: number): DOMRect[];
  /**
   * Replaces [start, end) with `text` the way typing would, so the editor sees an ordinary edit
   * and keeps it in its own undo history.
   */
  replace(start: number, end: number, text: string): Promise<boolean>;
}

/** `scratch`: where a textarea's hidden copy may live (preach's own layer, not the page). */
export function modelFor(element: HTMLElement, scratch: () => Node): TextModel {
  return element instanceof HTMLTextAreaElement ? new TextareaModel(element, scratch) : new EditableModel(element);
}

/** Finds the reply box an element belongs to: a textarea, or the outermost contenteditable. */
export function editableRoot(target: EventTarget | null): HTMLElement | undefined {
  if (!(target instanceof HTMLElement)) return undefined;
  if (target instanceof HTMLTextAreaElement) return target.readOnly || target.disabled ? undefined : target;
  if (!target.isContentEditable) return undefined;
  let root: HTMLElement = target;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

/** Types `text` over the current selection, as the browser does for a key press or a paste. */
function typeOver(text: string): boolean {
  // execCommand is deprecated as an API but is still the one way to make an edit that every
  // editor and the browser's own undo treat as typing (input events with inputType set).
  return text === '' ? document.execCommand('delete', false) : document.execCommand('insertText', false, text);
}

/**
 * Offers the edit to the editor first, as the browser offers typing: a `beforeinput` event with
 * the range it replaces. Editors that keep a model of their own (CKEditor 5) take it, apply it to
 * their model and cancel the event; the browser sends no `beforeinput` for execCommand, so
 * without this they would take the change back as a stray DOM edit. When no editor takes it, the
 * browser types it.
 */
function offerThenType(element: HTMLElement, range: Range, text: string): boolean {
  const offered = new InputEvent('beforeinput', {
    inputType: text === '' ? 'deleteContentBackward' : 'insertText',
    data: text === '' ? null : text,
    targetRanges: [new StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })],
    bubbles: true,
    cancelable: true,
    composed: true,
  });
  const target = range.startContainer instanceof Element ? range.startContainer : (range.startContainer.parentElement ?? element);
  if (!target.dispatchEvent(offered)) return true;
  return typeOver(text);
}

class TextareaModel implements TextModel {
  private mirror?: HTMLDivElement;
  private text = '';

  constructor(
    readonly element: HTMLTextAreaElement,
    private readonly scratch: () => Node,
  ) {}

  read(): string {
    this.text = this.element.value;
    return this.text;
  }

  rects(start: number, end: number): DOMRect[] {
    const mirror = this.layout();
    const node = mirror.firstChild as Text | null;
    if (!node) return [];
    const range = document.createRange();
    range.setStart(node, Math.min(start, node.length));
    range.setEnd(node, Math.min(end, node.length));
    const box = this.element.getBoundingClientRect();
    const clip = { left: box.left + this.element.clientLeft, top: box.top + this.element.clientTop, right: box.left + this.element.clientLeft + this.element.clientWidth, bottom: box.top + this.element.clientTop + this.element.clientHeight };
    return [...range.getClientRects()]
      .map((rect) => new DOMRect(rect.left - this.element.scrollLeft, rect.top - this.element.scrollTop, rect.width, rect.height))
      .filter((rect) => rect.bottom > clip.top && rect.top < clip.bottom && rect.right > clip.left && rect.left < clip.right);
  }

  private laidOut = '';

  /** A hidden copy of the textarea with the same box and font, where text has positions. */
  private layout(): HTMLDivElement {
    const mirror = (this.mirror ??= document.createElement('div'));
    if (!mirror.isConnected) this.scratch().appendChild(mirror);
    const box = this.element.getBoundingClientRect();
    // The textarea's styles are copied again only when its box changed, and the text only when
    // it changed: each copy makes the browser lay the copy out again.
    const boxKey = `${box.left},${box.top},${box.width},${box.height},${this.element.clientWidth}`;
    if (boxKey !== this.laidOut) {
      this.laidOut = boxKey;
      this.copyStyle(mirror, box);
    }
    // A trailing newline needs something after it to take a line.
    if (mirror.textContent !== `${this.text} `) mirror.textContent = `${this.text} `;
    return mirror;
  }

  private copyStyle(mirror: HTMLDivElement, box: DOMRect): void {
    const style = getComputedStyle(this.element);
    const copied = ['boxSizing', 'width', 'height', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth', 'borderStyle', 'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch', 'letterSpacing', 'lineHeight', 'textIndent', 'textTransform', 'wordSpacing', 'tabSize', 'direction', 'textAlign'] as const;
    for (const key of copied) mirror.style[key] = style[key];
    Object.assign(mirror.style, {
      position: 'fixed',
      left: `${box.left}px`,
      top: `${box.top}px`,
      margin: '0',
      visibility: 'hidden',
      pointerEvents: 'none',
      overflow: 'hidden',
      whiteSpace: 'pre-wrap',
      overflowWrap: 'break-word',
      borderColor: 'transparent',
      // The textarea's scroll bar takes width from its text.
      width: `${this.element.clientWidth + parseFloat(style.borderLeftWidth) + parseFloat(style.borderRightWidth)}px`,
      boxSizing: 'border-box',
    });
    mirror.setAttribute('aria-hidden', 'true');
    mirror.dataset.preachMirror = '';
  }

  async replace(start: number, end: number, text: string): Promise<boolean> {
    if (this.element.value !== this.text) return false;
    this.element.focus();
    this.element.setSelectionRange(start, end);
    return typeOver(text);
  }
}

/** Where a piece of the model's text lives on the page. */
interface Segment {
  node: Text;
  /** Offset of the segment's first character in the model text. */
  start: number;
  /** Characters of the node in the model text. */
  length: number;
  /**
   * For each character kept, its offset in the node, when the editor put characters of its own
   * in it (skipped); otherwise the node's characters are the model's, one for one.
   */
  offsets?: number[];
}

function nodeOffset(segment: Segment, index: number): number {
  return segment.offsets ? (index < segment.offsets.length ? segment.offsets[index]! : segment.offsets[segment.offsets.length - 1]! + 1) : index;
}

const BLOCK = /^(?:P|DIV|LI|UL|OL|H[1-6]|BLOCKQUOTE|PRE|TABLE|TR|SECTION|ARTICLE|FIGURE|FIGCAPTION|HR|DL|DT|DD|HEADER|FOOTER)$/;
/** Characters editors put into their DOM to hold the caret: not part of the reply. */
const FILLER = /[\u200B\u2060\uFEFF]/;

class EditableModel implements TextModel {
  private segments: Segment[] = [];
  private text = '';

  constructor(readonly element: HTMLElement) {}

  read(): string {
    const segments: Segment[] = [];
    let text = '';
    // Newlines owed before the next text: blocks are written apart only once text follows them.
    let pending = 0;
    const owe = (newlines: number) => {
      if (text !== '') pending = Math.max(pending, newlines);
    };
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const value = (node as Text).data;
        let kept = value;
        let offsets: number[] | undefined;
        if (FILLER.test(value)) {
          offsets = [];
          kept = '';
          for (let i = 0; i < value.length; i++) {
            if (FILLER.test(value[i]!)) continue;
            kept += value[i];
            offsets.push(i);
          }
        }
        if (!kept) return;
        text += '\n'.repeat(pending);
        pending = 0;
        segments.push({ node: node as Text, start: text.length, length: kept.length, ...(offsets ? { offsets } : {}) });
        text += kept.replace(/\u00A0/g, ' ');
        return;
      }
      if (node.nodeType !== Node.ELEMENT_NODE) return;
      const element = node as HTMLElement;
      if (element.getAttribute('contenteditable') === 'false' || /^(?:STYLE|SCRIPT|TEMPLATE)$/.test(element.tagName) || element.hidden) return;
      if (element.tagName === 'BR') {
        // Editors' placeholder <br>s (an empty paragraph, the end of one) add no line.
        if (element.hasAttribute('data-cke-filler') || element.classList.contains('ProseMirror-trailingBreak') || !element.nextSibling) return;
        pending += 1;
        if (text === '') pending = 0;
        return;
      }
      const block = BLOCK.test(element.tagName) && element !== this.element;
      // Paragraphs are apart by a blank line; lines (a <div> per line, as plain contenteditable
      // writes them) and list items by a newline.
      const apart = /^(?:DIV|LI|DT|DD|TR)$/.test(element.tagName) ? 1 : 2;
      if (block) owe(apart);
      const before = text.length;
      for (let child = element.firstChild; child; child = child.nextSibling) walk(child);
      if (block) {
        // An empty line (<div><br></div>) still separates the lines around it.
        if (text.length === before && text !== '') pending += 1;
        owe(apart);
      }
    };
    for (let child = this.element.firstChild; child; child = child.nextSibling) walk(child);
    this.segments = segments;
    this.text = text;
    return text;
  }

  /** The DOM position of model offset `offset`; at a segment's end when it falls in a break. */
  private position(offset: number, preferEnd: boolean): { node: Text; offset: number } | undefined {
    let previous: Segment | undefined;
    for (const segment of this.segments) {
      const end = segment.start + segment.length;
      if (offset < segment.start) {
        if (preferEnd && previous) return { node: previous.node, offset: nodeOffset(previous, previous.length) };
        return { node: segment.node, offset: nodeOffset(segment, 0) };
      }
      if (offset < end || (offset === end && preferEnd)) return { node: segment.node, offset: nodeOffset(segment, offset - segment.start) };
      previous = segment;
    }
    return previous ? { node: previous.node, offset: nodeOffset(previous, previous.length) } : undefined;
  }

  private range(start: number, end: number): Range | undefined {
    const from = this.position(start, false);
    const to = this.position(end, true);
    if (!from || !to || !from.node.isConnected || !to.node.isConnected) return undefined;
    const range = document.createRange();
    range.setStart(from.node, Math.min(from.offset, from.node.length));
    range.setEnd(to.node, Math.min(to.offset, to.node.length));
    return range;
  }

  rects(start: number, end: number): DOMRect[] {
    const range = this.range(start, end);
    if (!range) return [];
    // One rectangle per line box: inline wrappers (a link, bold text) repeat the text's own.
    const rects = [...range.getClientRects()].filter((rect) => rect.width > 0 && rect.height > 0);
    return rects.filter((rect, index) => !rects.some((other, j) => j !== index && contains(other, rect) && (j < index || !contains(rect, other))));
  }

  async replace(start: number, end: number, text: string): Promise<boolean> {
    const checked = this.text;
    if (this.read() !== checked) return false;
    const range = this.range(start, end);
    if (!range) return false;
    this.element.focus();
    const selection = window.getSelection();
    if (!selection) return false;
    const reported = selectionReported();
    selection.removeAllRanges();
    selection.addRange(range);
    // Editors with a model of their own learn of the new selection from the browser's
    // selectionchange event, which comes as a task of its own, on a busy machine only after
    // frames have been drawn. Typed over before then, Trix takes the fix for typing on at the
    // caret and files it in the undo step of the typing before it. CKEditor 5 renders the
    // selection it took in back: type over it once the page has drawn that too.
    await reported;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    if (this.read() !== checked) return false;
    return offerThenType(this.element, this.range(start, end) ?? range, text);
  }
}

/**
 * How long a fix waits for the browser to report the selection it set. Browsers report every
 * change, so this only bounds the wait: past it the fix is typed all the same, and at worst the
 * editor's undo joins it to the typing before it.
 */
const SELECTION_REPORT_BOUND_MS = 1000;

/** Resolves once the page has had the browser's next selectionchange event. */
function selectionReported(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      document.removeEventListener('selectionchange', done);
      clearTimeout(bound);
      resolve();
    };
    const bound = setTimeout(done, SELECTION_REPORT_BOUND_MS);
    document.addEventListener('selectionchange', done);
  });
}

function contains(outer: DOMRect, inner: DOMRect): boolean {
  return outer.left <= inner.left && outer.right >= inner.right && outer.top <= inner.top && outer.bottom >= inner.bottom && (outer.width > inner.width || outer.height > inner.height);
}
