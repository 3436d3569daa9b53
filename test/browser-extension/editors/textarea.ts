// A plain textarea, as older help-desk reply forms have.
const box = document.createElement('textarea');
box.id = 'reply';
box.rows = 8;
document.getElementById('composer')!.appendChild(box);
Object.assign(window, { editorText: () => box.value });
