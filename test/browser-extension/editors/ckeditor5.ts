// CKEditor 5's classic editor with paragraphs and its own undo (Essentials), under its GPL licence.
import { ClassicEditor, Essentials, Paragraph } from 'ckeditor5';

const host = document.createElement('div');
document.getElementById('composer')!.appendChild(host);
ClassicEditor.create(host, { licenseKey: 'GPL', plugins: [Essentials, Paragraph], toolbar: [] }).then((editor) => {
  // Through the editor's view: CKEditor renders its root's attributes from it.
  editor.editing.view.change((writer) => writer.setAttribute('id', 'reply', editor.editing.view.document.getRoot()!));
  const text = () =>
    [...editor.model.document.getRoot()!.getChildren()]
      .map((block) => [...(block as any).getChildren()].map((node: any) => node.data ?? '').join(''))
      .join('\n\n');
  Object.assign(window, { editorText: text });
});
