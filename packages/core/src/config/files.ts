/**
 * Where preach's config lives, for whoever finds or watches it (the config loader, the language
 * server, the VS Code extension). No I/O here; the extension imports this file alone.
 */

/** Config file names, in the order they win within one folder (ESLint/Vale style discovery). */
export const CONFIG_FILE_NAMES: readonly string[] = ['.preachrc.yaml', '.preachrc.yml', '.preachrc.json', '.preachrc'];

/** Every config file in a workspace, for editors' file watchers (package.json may hold a `preach` key). */
export const CONFIG_FILES_GLOB = `**/{${[...CONFIG_FILE_NAMES, 'package.json'].join(',')}}`;
