// Quill 2, no toolbar: undo is Quill's history module, with its own settings.
import Quill from 'quill';

const quill = new Quill('#composer', { modules: { toolbar: false } });
quill.root.id = 'reply';
Object.assign(window, { editorText: () => quill.getText().replace(/\n+$/, '').replace(/\n/g, '\n\n') });
