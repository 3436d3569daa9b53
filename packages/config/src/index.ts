export { findConfigFile } from './find.js';
export { loadConfigFor, defaultConfig, clearConfigCache, readConfigFile, type LoadedConfig, type LoadConfigOptions } from './load.js';
export { displayPath, pathInside, loadPack, readVocabulary, resolvePackDir, ruleFilesIn, type LoadedPack, type LoadPackOptions } from './packs.js';
export { codeRuleProblem } from './code-rules.js';
export { STARTER_CONFIG } from './starter.js';
