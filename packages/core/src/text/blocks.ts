/**
 * Splits a draft into blocks (paragraphs, lists, fenced code…) that paragraph-local rules
 * (`ruleScopes`) can check on their own, so an editor re-checks only the block a keystroke touched. A block boundary is a blank line followed
 * by a line that starts at the margin, outside fenced code and HTML comments: indented lines
 * belong to the list item or code above them, and a fence keeps its blank lines.
 */
export interface Block {
  /** Offset of the block's first character in the draft. */
  start: number;
  text: string;
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

export function splitBlocks(text: string, from = 0): Block[] {
  const blocks: Block[] = [];
  let blockStart = -1;
  let blockEnd = -1;
  let fence: string | undefined;
  let inComment = false;
  let sawBlank = false;
  let lineStart = from;

  const close = () => {
    if (blockStart >= 0) blocks.push({ start: blockStart, text: text.slice(blockStart, blockEnd) });
    blockStart = -1;
  };

  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const inside = fence !== undefined || inComment;

    if (!inside && BLANK.test(line)) {
      sawBlank = true;
    } else {
      // A new block starts after a blank line, unless the line is indented (it continues a list
      // item or an indented code block) or sets off a heading or rule made of dashes/equals.
      const continues = inside || /^[ \t]/.test(line) || /^(?:-{3,}|={3,})[ \t]*$/.test(line);
      if (blockStart < 0 || (sawBlank && !continues)) {
        close();
        blockStart = lineStart;
      }
      blockEnd = lineStart + line.length;
      sawBlank = false;
      if (fence !== undefined) {
        if (new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`).test(line)) fence = undefined;
      } else if (inComment) {
        if (line.includes('-->')) inComment = false;
      } else {
        const opened = FENCE_OPEN.exec(line);
        if (opened) fence = opened[1];
        else if (line.lastIndexOf('<!--') > line.lastIndexOf('-->')) inComment = true;
      }
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  close();
  return blocks;
}
