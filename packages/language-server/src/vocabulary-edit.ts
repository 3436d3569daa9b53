import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathInside } from '@preach/config';
import { parseDocument } from 'yaml';
import { addToList } from './draft-edits.js';

export type VocabularyEdit =
  | { kind: 'edit'; file: string; before: string; after: string }
  | { kind: 'create'; file: string; after: string }
  | { kind: 'unsupported'; file: string; reason: string };

/**
 * Adds a word to the team vocabulary in the nearest config file, keeping its comments and
 * layout (YAML Document API); JSON configs stay JSON. Without a config file, proposes a new
 * `.preachrc.yaml` in the workspace `folder` that keeps the recommended rules on, when that is
 * the config the draft (at `draftPath`; undefined for an unsaved one) would be checked with.
 */
export function addVocabularyWord(configFile: string | undefined, folder: string, word: string, draftPath?: string): VocabularyEdit {
  if (!configFile) {
    const file = join(folder, '.preachrc.yaml');
    // A draft outside the workspace is not checked with the workspace's config, new or not.
    if (draftPath !== undefined && pathInside(folder, draftPath) === undefined) return { kind: 'unsupported', file, reason: 'the draft is outside the workspace folder' };
    // The editor skips creating a file that exists and would put the new config in front of it.
    if (existsSync(file)) return { kind: 'unsupported', file, reason: 'the file exists but is not the config this draft is checked with' };
    return { kind: 'create', file, after: `# preach config: see \`preach init\` for every option\nextends: preach:recommended\nvocabulary:\n  - ${word}\n` };
  }
  const before = readFileSync(configFile, 'utf8');
  const name = basename(configFile);
  if (name === 'package.json' || name.endsWith('.json')) {
    let data: Record<string, any>;
    try {
      data = JSON.parse(before);
    } catch {
      return { kind: 'unsupported', file: configFile, reason: 'the file is not valid JSON' };
    }
    const target = name === 'package.json' ? (data.preach ??= {}) : data;
    const list: string[] = Array.isArray(target.vocabulary) ? target.vocabulary : [];
    if (!list.includes(word)) list.push(word);
    target.vocabulary = list;
    const indent = /^[ \t]+/m.exec(before)?.[0] ?? '  ';
    return { kind: 'edit', file: configFile, before, after: JSON.stringify(data, null, indent) + (before.endsWith('\n') ? '\n' : '') };
  }
  const document = parseDocument(before);
  if (document.errors.length > 0) return { kind: 'unsupported', file: configFile, reason: 'the file is not valid YAML' };
  addToList(document, 'vocabulary', word, false);
  return { kind: 'edit', file: configFile, before, after: document.toString({ flowCollectionPadding: false }) };
}
