import * as core from '@preach/core';
import * as nodeModule from 'node:module';

/**
 * A team's code pack imports `defineRule` and its helpers from `@preach/core`. The `preach`
 * command and the language server carry their own copy of the engine inside their bundles, so
 * that import would load the package's dist/ as well: the whole engine a second time, about
 * 1.5 s of CPU on every start with a code pack. Before the first pack is imported, `@preach/core`
 * is made to resolve to the engine already running, through Node's module customization hooks.
 * Outside a bundle it is the same instance either way. A pack's own, different copy of
 * `@preach/core` is not loaded either: packs are written against the engine that runs them.
 */
const RUNNING_CORE = Symbol.for('preach.running-core');
const SHARED_URL = 'preach-running-core:@preach/core';

let shared = false;

export function shareCoreWithPacks(): void {
  if (shared) return;
  shared = true;
  (globalThis as Record<symbol, unknown>)[RUNNING_CORE] = core;
  const names = Object.keys(core).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
  const source = `const core = globalThis[Symbol.for(${JSON.stringify(RUNNING_CORE.description)})];\nexport const { ${names.join(', ')} } = core;\nexport default core;\n`;
  const register = (nodeModule as { registerHooks?: (hooks: object) => void }).registerHooks;
  if (register) {
    // Node 22.15 and later: hooks on this thread, synchronous, at no start-up cost.
    register({
      resolve: (specifier: string, context: unknown, next: (specifier: string, context: unknown) => unknown) => (specifier === '@preach/core' ? { url: SHARED_URL, shortCircuit: true } : next(specifier, context)),
      load: (url: string, context: unknown, next: (url: string, context: unknown) => unknown) => (url === SHARED_URL ? { format: 'module', source, shortCircuit: true } : next(url, context)),
    });
    return;
  }
  // Node 20: hooks run on a thread of their own, given as a module of their own.
  const hooks = [
    `export async function resolve(specifier, context, next) { return specifier === '@preach/core' ? { url: ${JSON.stringify(SHARED_URL)}, shortCircuit: true } : next(specifier, context); }`,
    `export async function load(url, context, next) { return url === ${JSON.stringify(SHARED_URL)} ? { format: 'module', source: ${JSON.stringify(source)}, shortCircuit: true } : next(url, context); }`,
  ].join('\n');
  nodeModule.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
