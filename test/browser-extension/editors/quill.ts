// Quill 2 with its snow theme's toolbar-less core: undo is Quill's history module.
import Quill from 'quill';

const quill = new Quill('#composer', { modules: { toolbar: false, history: { delay: 0, userOnly: true } } });
quill.root.id = 'reply';
Object.assign(window, { editorText: () => quill.getText().replace(/\n+$/, '').replace(/\n/g, '\n\n') });
