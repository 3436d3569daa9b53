export { startServer, debounceFor } from './server.js';
export { runStdioServer } from './stdio.js';
export { DraftChecker, plainMessages, type CheckOutcome, type PlainMessage } from './checker.js';
export { disableRuleInFrontMatter } from './draft-edits.js';
export { addVocabularyWord } from './vocabulary-edit.js';
export * from './protocol.js';
