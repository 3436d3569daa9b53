/**
 * The config a run carries to its workers (@preach/score/queue, bundle.ts): the files it is made
 * of travel, code packs are matched by hash on the worker and never sent, and a worker that
 * cannot load the same rules refuses the run, saying why.
 */
import { appendFileSync, existsSync, lstatSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundleConfig, ConfigMismatch, unpackConfig, type ConfigBundle } from '@preach/score/queue';
import { createScorerOptions } from '@preach/score';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamProject } from './helpers/custom-rules.js';

describe('the config a queued run carries', () => {
  let project: { dir: string; cleanup: () => void };
  let worker: { dir: string; cleanup: () => void };
  let bundle: ConfigBundle;

  beforeAll(async () => {
    project = teamProject();
    worker = teamProject();
    // The worker's folder has the packs installed, not the config or the folder pack.
    rmSync(join(worker.dir, '.preachrc.yaml'));
    rmSync(join(worker.dir, 'team-rules'), { recursive: true });
    bundle = await bundleConfig({ lookup: project.dir, signature: '\\^(\\w+)\\s*$', limits: { time_budget: 3 } }, '1.2.3');
  });

  afterAll(() => {
    project?.cleanup();
    worker?.cleanup();
  });

  it('carries the data files whole and the code pack by hash only', () => {
    const paths = bundle.files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['.preachrc.yaml', 'team-rules/words.yaml', 'node_modules/@acme/preach-rules/package.json', 'node_modules/@acme/preach-rules/index.js']));
    const code = bundle.files.find((f) => f.path.endsWith('index.js'))!;
    expect(code.content).toBeUndefined();
    expect(code.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(bundle.files.find((f) => f.path === '.preachrc.yaml')!.content).toContain('./team-rules');
    expect(bundle).toMatchObject({ preach: '1.2.3', configPath: '.preachrc.yaml', signature: '\\^(\\w+)\\s*$', limits: { time_budget: 3 } });
  });

  it('lays the config out on a worker and loads the same rules there, with its own copy of the code pack', async () => {
    const unpacked = await unpackConfig(bundle, { cwd: worker.dir, preach: '1.2.3' });
    try {
      const link = join(unpacked.setup.lookup, 'node_modules', '@acme', 'preach-rules', 'index.js');
      expect(lstatSync(link).isSymbolicLink()).toBe(true);
      const options = await createScorerOptions(unpacked.setup);
      expect([...options.config.rules.keys()]).toEqual(expect.arrayContaining(['acme/order-number', 'kit/plain-words']));
      expect(options.config.limits?.timeBudgetMs).toBe(3000);
    } finally {
      unpacked.remove();
    }
    expect(existsSync(unpacked.setup.lookup)).toBe(false);
  });

  it('is refused by a worker of another preach version', async () => {
    await expect(unpackConfig(bundle, { cwd: worker.dir, preach: '1.2.4' })).rejects.toThrow(/made by preach 1\.2\.3 and this worker is preach 1\.2\.4/);
  });

  it("is refused by a worker whose code pack differs from the producer's", async () => {
    const other = teamProject();
    try {
      appendFileSync(join(other.dir, 'node_modules', '@acme', 'preach-rules', 'index.js'), '\n// a later version\n');
      const refused = unpackConfig(bundle, { cwd: other.dir, preach: '1.2.3' });
      await expect(refused).rejects.toBeInstanceOf(ConfigMismatch);
      await expect(refused).rejects.toThrow("this machine's node_modules/@acme/preach-rules/index.js differs from the producer's");
    } finally {
      other.cleanup();
    }
  });

  it('is refused when its rules loaded here differ from what the producer loaded (a changed fingerprint)', async () => {
    await expect(unpackConfig({ ...bundle, fingerprint: '0'.repeat(64) }, { cwd: worker.dir, preach: '1.2.3' })).rejects.toThrow(/rules loaded here from the run's config differ/);
  });

  it('never writes outside its own folder, whatever the run says', async () => {
    const hostile = { ...bundle, files: [...bundle.files, { path: '../../escape.yaml', sha256: '', content: 'x' }] };
    await expect(unpackConfig(hostile, { cwd: worker.dir, preach: '1.2.3' })).rejects.toThrow(/names a file outside its own folder/);
  });
});
