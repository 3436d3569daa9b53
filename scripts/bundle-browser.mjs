// Bundles preach for browsers (packages/browser/bundle): the engine, the built-in rules and the
// YAML rule loader, for the playground's Web Worker and the browser extension's background.
//
// Pages whose Content Security Policy forbids `eval` (every extension page under Manifest V3)
// cannot run Ajv, which compiles each JSON Schema to a function with `new Function`. The schemas
// the engine validates against are all known here (config, rule and pack files, front matter, the
// options of every built-in rule and of every declarative kind), so they are compiled now, with
// Ajv's standalone code, and the bundle's `ajv` is a table of those functions.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compromiseInBundle } from './bundle.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const browserPackage = join(root, 'packages', 'browser');
const generated = join(browserPackage, 'generated');

/** What every browser bundle shares: browser platform, compromise inside, Ajv's table instead of Ajv. */
export const browserBuild = {
  bundle: true,
  platform: 'browser',
  target: ['chrome120', 'firefox121'],
  format: 'iife',
  // Checks run in workers (the playground's Web Worker, the extension's service worker), which
  // have no DOM: packages with a DOM build for browsers have one for workers too.
  conditions: ['worker'],
  minifySyntax: true,
  minifyWhitespace: true,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [
    compromiseInBundle,
    {
      // The spelling and grammar rules run Harper in a Node thread of its own; a browser has no
      // such thread to wait on. Their modules load, and a check that turns them on says why it
      // cannot run here (they are off in preach:recommended).
      name: 'no-node-threads',
      setup(build) {
        build.onResolve({ filter: /^node:(fs|url|worker_threads)$/ }, (args) => ({ path: args.path, namespace: 'no-node' }));
        build.onLoad({ filter: /.*/, namespace: 'no-node' }, () => ({
          contents: `const why = () => { throw new Error('spelling and grammar run in the preach command and in editors, not in the browser build: it has no thread to run the checker in'); };
export const existsSync = why, fileURLToPath = why, receiveMessageOnPort = why;
export const isMainThread = true, parentPort = null, workerData = undefined;
export class Worker { constructor() { why(); } }
export class MessageChannel { constructor() { why(); } }`,
          loader: 'js',
        }));
      },
    },
    {
      name: 'precompiled-ajv',
      setup(build) {
        build.onResolve({ filter: /^ajv$/ }, () => ({ path: join(generated, 'ajv-table.js') }));
      },
    },
  ],
};

/**
 * The Ajv options core uses (yaml-source.ts), plus standalone source. Kept in step by the test
 * that runs every built-in rule's examples and the labelled set through the bundle.
 */
const AJV_OPTIONS = { allErrors: true, strict: false, allowUnionTypes: true, verbose: true, validateSchema: false, code: { optimize: false, source: true } };

export async function writePrecompiledValidators() {
  const { Ajv, _, Name } = await import('ajv');
  const standaloneCode = (await import('ajv/dist/standalone/index.js')).default;
  const core = await import(pathToFileURL(join(root, 'packages', 'core', 'dist', 'index.js')).href);
  const { recommendedRules } = await import(pathToFileURL(join(root, 'rules', 'dist', 'src', 'index.js')).href);

  const ajv = new Ajv(AJV_OPTIONS);
  const keywords = {};
  const addKeyword = ajv.addKeyword.bind(ajv);
  ajv.addKeyword = (definition) => {
    keywords[definition.keyword] = definition.validate;
    return addKeyword(definition);
  };
  core.registerExpressionKeywords(ajv);

  const schemas = new Map();
  const add = (schema) => schema && schemas.set(JSON.stringify(schema), schema);
  for (const schema of [core.configSchema, core.ruleSchema, core.packFileSchema, core.frontMatterSchema]) add(schema);
  for (const rule of recommendedRules()) add(rule.meta.optionsSchema);
  // The options of a declarative rule, as compile.ts builds them for its kind.
  for (const kind of core.KINDS) add({ type: 'object', additionalProperties: false, properties: kind.parameters, ...kind.keywords });

  const exports = {};
  const keys = [];
  [...schemas.values()].forEach((schema, index) => {
    // Ajv keys schemas by $id; standalone code wants them by a name of ours.
    const { $id, ...withoutId } = schema;
    const name = `v${index}`;
    ajv.addSchema(withoutId, name);
    exports[name] = name;
    keys.push(JSON.stringify(schema));
  });
  for (const name of Object.keys(exports)) ajv.getSchema(name);
  // Custom keywords are functions of core's; the standalone code takes them from the bundle.
  for (const keyword of Object.keys(keywords)) {
    const name = ajv.scope.getValue('keyword', keywords[keyword]);
    if (name) name.value.code = _`require("./ajv-keywords.js").${new Name(keyword)}`;
  }
  const code = standaloneCode(ajv, exports);

  mkdirSync(generated, { recursive: true });
  writeFileSync(join(generated, 'validators.cjs'), `// Generated by scripts/bundle-browser.mjs. Do not edit.\n${code}\n`);
  writeFileSync(
    join(generated, 'ajv-keywords.js'),
    `// Generated by scripts/bundle-browser.mjs. Do not edit.
// Core registers its keywords on the Ajv below; the precompiled validators call them through here.
export const registered = {};
${Object.keys(keywords)
  .map(
    (keyword) => `export function ${keyword}(...args) {
  const validate = registered[${JSON.stringify(keyword)}];
  const valid = validate.apply(this, args);
  ${keyword}.errors = validate.errors;
  return valid;
}`,
  )
  .join('\n')}
`,
  );
  writeFileSync(
    join(generated, 'ajv-table.js'),
    `// Generated by scripts/bundle-browser.mjs. Do not edit.
// Stands in for Ajv in browser bundles: compile() hands back the validator made at build time.
import * as validators from './validators.cjs';
import { registered } from './ajv-keywords.js';

const KEYS = ${JSON.stringify(keys)};
const byKey = new Map(KEYS.map((key, index) => [key, validators['v' + index]]));

export class Ajv {
  constructor() {
    this.errors = null;
  }
  addKeyword(definition) {
    registered[definition.keyword] = definition.validate;
    return this;
  }
  getKeyword(keyword) {
    return registered[keyword] ? { keyword, validate: registered[keyword] } : false;
  }
  compile(schema) {
    const validate = byKey.get(JSON.stringify(schema));
    if (!validate) throw new Error('This schema was not compiled into the browser build of preach; rebuild it (npm run build).');
    return validate;
  }
  validateSchema() {
    return true;
  }
  errorsText(errors) {
    return (errors ?? []).map((error) => error.instancePath + ' ' + error.message).join(', ');
  }
}
export default Ajv;
`,
  );
}

/** packages/browser/bundle: preach-worker.js (the Web Worker) and preach.js (a global `Preach`). */
export async function bundleBrowser() {
  await writePrecompiledValidators();
  rmSync(join(browserPackage, 'bundle'), { recursive: true, force: true });
  await Promise.all([
    build({ ...browserBuild, entryPoints: [join(browserPackage, 'dist', 'worker.js')], outfile: join(browserPackage, 'bundle', 'preach-worker.js') }),
    build({ ...browserBuild, entryPoints: [join(browserPackage, 'dist', 'index.js')], outfile: join(browserPackage, 'bundle', 'preach.js'), globalName: 'Preach' }),
  ]);
}

/**
 * playground/dist/index.html: one file, the page's script and the worker inside it, so it opens
 * from a file (a page opened from a file may not load a worker from another file).
 */
export async function buildPlayground() {
  const playground = join(root, 'playground');
  const page = await build({ ...browserBuild, entryPoints: [join(playground, 'src', 'playground.ts')], write: false });
  const script = page.outputFiles[0].text;
  const worker = readFileSync(join(browserPackage, 'bundle', 'preach-worker.js'), 'utf8');
  // Inside a <script> element, only "</script" ends it; escaped, the JavaScript means the same.
  const inScript = (code) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  const html = readFileSync(join(playground, 'src', 'index.html'), 'utf8')
    .replace('/*STYLE*/', () => readFileSync(join(playground, 'src', 'style.css'), 'utf8'))
    .replace('/*WORKER*/', () => inScript(worker))
    .replace('/*SCRIPT*/', () => inScript(script));
  mkdirSync(join(playground, 'dist'), { recursive: true });
  writeFileSync(join(playground, 'dist', 'index.html'), html);
}
