// Makes a bundle pure ASCII, so that its loader can read it as Latin-1 (a copy of the bytes)
// instead of decoding UTF-8 into a two-byte string, which took a tenth of a `preach lint` for the
// command's 4 MB bundle. esbuild escapes most strings and names already; what it leaves (regular
// expression literals, `String.raw` templates, legal comments) is escaped here, in ways that do
// not change what the code does; anything else stops the build.
import { tokenizer } from 'acorn';

const NON_ASCII = /[^\x00-\x7f]/;
const unicodeEscape = (unit) => `\\u${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export function asciiBundle(source, file) {
  if (!NON_ASCII.test(source)) return source;
  const edits = [];
  const comments = [];
  const tokens = [];
  // Whether each open template is tagged by something other than String.raw (innermost last).
  const templates = [];
  for (const token of tokenizer(source, { ecmaVersion: 'latest', allowHashBang: true, allowReturnOutsideFunction: true, onComment: comments })) {
    const label = token.type.label;
    if (label === '`') {
      if (tokens.at(-1)?.type.label === 'template' || tokens.at(-1)?.type.label === 'invalidTemplate') templates.pop();
      else {
        const [a, b, c] = [tokens.at(-3), tokens.at(-2), tokens.at(-1)];
        const raw = a?.value === 'String' && b?.type.label === '.' && c?.value === 'raw';
        const tagged = c && ['name', ')', ']', '`'].includes(c.type.label);
        templates.push(tagged && !raw);
      }
    }
    tokens.push(token);
    if (tokens.length > 3) tokens.shift();
    const text = source.slice(token.start, token.end);
    if (!NON_ASCII.test(text)) continue;
    if (label === 'regexp' || label === 'string') {
      // A non-ASCII character means the same as its \u escape in a string, and in a pattern with or
      // without the u flag (surrogate pairs included); `\’`, an identity escape, becomes `\u2019`.
      const escaped = text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, unit) => (slashes.length % 2 ? slashes.slice(1) : slashes) + unicodeEscape(unit));
      edits.push({ start: token.start, end: token.end, text: escaped });
    } else if (label === 'template' && !templates.at(-1) && !/\\[^\x00-\x7f]/.test(text)) {
      // In a String.raw or untagged template, `${"\u2019"}` gives the same text, raw or cooked.
      edits.push({ start: token.start, end: token.end, text: text.replace(/[^\x00-\x7f]/g, (unit) => `\${"${unicodeEscape(unit)}"}`) });
    } else {
      throw new Error(`${file}: cannot make this ${label} ASCII without changing it: ${text.slice(0, 60)}`);
    }
  }
  for (const comment of comments) {
    const text = source.slice(comment.start, comment.end);
    if (NON_ASCII.test(text)) edits.push({ start: comment.start, end: comment.end, text: text.replace(/[^\x00-\x7f]/g, unicodeEscape) });
  }
  edits.sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const edit of edits) {
    out += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  out += source.slice(at);
  if (NON_ASCII.test(out)) throw new Error(`${file}: still holds non-ASCII text after escaping`);
  return out;
}
