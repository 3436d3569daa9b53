export { main } from './main.js';
export { formatJson, toJsonResult, toJsonMessage, type JsonFileResult, type JsonMessage } from './formatters/json.js';
export { formatSarif } from './formatters/sarif.js';
export { formatStylish } from './formatters/stylish.js';
