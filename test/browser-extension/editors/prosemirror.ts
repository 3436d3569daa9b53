// ProseMirror with its basic schema, history and keymaps: undo is ProseMirror's own.
import { baseKeymap } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

const view = new EditorView(document.getElementById('composer')!, {
  state: EditorState.create({ schema, plugins: [history(), keymap({ 'Mod-z': undo, 'Mod-Shift-z': redo, 'Mod-y': redo }), keymap(baseKeymap)] }),
});
view.dom.id = 'reply';
Object.assign(window, { editorText: () => view.state.doc.textBetween(0, view.state.doc.content.size, '\n\n') });
