// Trix, Basecamp's editor: a <trix-editor> element with its own document model and undo.
import 'trix';

const input = document.createElement('input');
input.type = 'hidden';
input.id = 'reply-value';
const editor = document.createElement('trix-editor');
editor.setAttribute('input', 'reply-value');
editor.id = 'reply';
document.getElementById('composer')!.append(input, editor);
Object.assign(window, { editorText: () => (editor as any).editor.getDocument().toString().replace(/\n$/, '') });
