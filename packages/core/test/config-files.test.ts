import { matchesGlob } from 'node:path';
import { expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, CONFIG_FILES_GLOB } from '../src/config/files.js';

it('the editors’ watch glob covers every config file name and package.json, in any folder', () => {
  for (const name of [...CONFIG_FILE_NAMES, 'package.json']) {
    expect(matchesGlob(`team/support/${name}`, CONFIG_FILES_GLOB), name).toBe(true);
  }
  expect(matchesGlob('team/notes.yaml', CONFIG_FILES_GLOB)).toBe(false);
});
