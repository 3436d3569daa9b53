// A bare contenteditable box, as Gmail's compose body is: the browser does the editing.
const box = document.createElement('div');
box.id = 'reply';
box.contentEditable = 'true';
box.setAttribute('role', 'textbox');
box.className = 'editable';
document.getElementById('composer')!.appendChild(box);
Object.assign(window, { editorText: () => box.innerText.replace(/\n+$/, '') });
