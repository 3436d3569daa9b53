// Draft.js, Facebook's React editor: the document lives in React state; undo is EditorState.undo.
import { Editor, EditorState, getDefaultKeyBinding } from 'draft-js';
import { createElement, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

let current = EditorState.createEmpty();
function Reply() {
  const [state, setState] = useState(current);
  current = state;
  // The page's tests find the reply box by its id, as on the other pages.
  useEffect(() => {
    document.querySelector('.public-DraftEditor-content')!.id = 'reply';
  });
  return createElement(Editor, {
    editorState: state,
    onChange: (next: EditorState) => {
      current = next;
      setState(next);
    },
    keyBindingFn: getDefaultKeyBinding,
  } as any);
}
createRoot(document.getElementById('composer')!).render(createElement(Reply));
Object.assign(window, { editorText: () => current.getCurrentContent().getPlainText('\n') });
