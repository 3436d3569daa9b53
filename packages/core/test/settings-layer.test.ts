import { describe, expect, it } from 'vitest';
import { resolveConfig, settingsLayer } from '../src/config/resolve.js';
import { PreachInputErrors } from '../src/errors.js';
import { compileKind } from './kinds/run.js';

const jargon = compileKind('existence', { tokens: ['utilize'] });
const signOff = compileKind('require', { tokens: ['Cheers'] }, 'no sign-off');
const rules = [jargon, signOff];
const fileLayer = { file: '.preachrc.yaml', config: { rules: { [jargon.meta.id]: ['suggestion', { tokens: ['utilise'] }] as [string, Record<string, unknown>] } } } as const;

describe('settingsLayer: the editor’s rule severities as one more config layer', () => {
  it('sets severities over the config files and keeps their options', () => {
    const config = resolveConfig({ rules, enabled: new Set([jargon.meta.id]), layers: [fileLayer as never, settingsLayer('editor', { [jargon.meta.id]: 'error', [signOff.meta.id]: 'warning' })] });
    expect(config.rules.get(jargon.meta.id)).toMatchObject({ severity: 'error', options: { tokens: ['utilise'] } });
    // A rule the files leave off is turned on at the editor's severity, with its default options.
    expect(config.rules.get(signOff.meta.id)).toMatchObject({ severity: 'warning', options: signOff.meta.defaultOptions ?? {} });
  });

  it('turns a rule off', () => {
    const config = resolveConfig({ rules, enabled: new Set([jargon.meta.id, signOff.meta.id]), layers: [settingsLayer('editor', { [signOff.meta.id]: 'off' })] });
    expect([...config.rules.keys()]).toEqual([jargon.meta.id]);
  });

  it('leaves out rules this workspace does not have and values that are not severities', () => {
    const layer = settingsLayer('editor', { 'team/elsewhere': 'error', [jargon.meta.id]: 'loud', [signOff.meta.id]: 3 });
    // Which rules exist is for the resolution to say; the layer keeps only severities.
    expect(layer.config.rules).toEqual({ 'team/elsewhere': 'error' });
    const config = resolveConfig({ rules, enabled: new Set([jargon.meta.id]), layers: [layer] });
    expect(config.rules.get(jargon.meta.id)?.severity).toBe(jargon.meta.severity);
    expect(config.rules.has(signOff.meta.id)).toBe(false);
  });

  it('is lenient only for its own layer: an unknown rule in a config file is still an error', () => {
    const bad = { file: '.preachrc.yaml', config: { rules: { 'team/elsewhere': 'error' as const } } };
    expect(() => resolveConfig({ rules, enabled: new Set(), layers: [bad, settingsLayer('editor', { 'team/elsewhere': 'error' })] })).toThrow(PreachInputErrors);
  });
});

describe('"warn", as ESLint spells a warning', () => {
  it('is read as warning in the editor settings and in a team rule file', () => {
    const config = resolveConfig({ rules, enabled: new Set([jargon.meta.id]), layers: [settingsLayer('editor', { [jargon.meta.id]: 'warn' })] });
    expect(config.rules.get(jargon.meta.id)?.severity).toBe('warning');
    expect(compileKind('existence', { tokens: ['utilize'], severity: 'warn' }).meta.severity).toBe('warning');
  });
});
