// The options page: where a team lead turns preach on for the help desks and gives it the team's
// config and rule packs (by paste, file or a URL the team hosts).
import { extensionApi } from '../api.js';
import { SITES } from '../sites/index.js';
import { loadTeam, saveTeam, type SetupStatus, type StoredTeam, type TeamSource } from '../team.js';

const api = extensionApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
let team: StoredTeam = { packs: [] };

function status(text: string): void {
  $('status').textContent = text;
}

async function fetchText(url: string): Promise<string> {
  // The team's own address: the browser asks once for that site, as for a help desk.
  // Asked for at once, in the click: browsers show the prompt only while handling a user's
  // gesture (and answer yes at once for a site already allowed).
  const origin = `${new URL(url).origin}/*`;
  if (!(await api.permissions.request({ origins: [origin] }))) throw new Error(`preach needs your permission to read ${new URL(url).origin}`);
  const response = await fetch(url, { cache: 'no-store', credentials: 'omit' });
  if (!response.ok) throw new Error(`${url} answered ${response.status} ${response.statusText}`);
  return response.text();
}

async function renderSites(): Promise<void> {
  const { origins = [] } = await api.permissions.getAll();
  const list = $('site-list');
  list.replaceChildren();
  for (const site of SITES) {
    const item = document.createElement('li');
    const box = Object.assign(document.createElement('input'), { type: 'checkbox', id: `site-${site.id}`, checked: site.origins.every((o) => origins.includes(o)) });
    box.addEventListener('change', async () => {
      // Asked for in the click itself: browsers only show the permission prompt for a user's gesture.
      const done = box.checked ? await api.permissions.request({ origins: site.origins }) : await api.permissions.remove({ origins: site.origins });
      if (!done) box.checked = !box.checked;
      status(box.checked ? `${site.name} is on, in its open tabs too.` : `${site.name} is off.`);
    });
    const label = Object.assign(document.createElement('label'), { htmlFor: box.id, textContent: ` ${site.name} ` });
    const where = Object.assign(document.createElement('small'), { textContent: site.origins.join(', ') });
    item.append(box, label, where);
    list.appendChild(item);
  }
  const known = new Set(SITES.flatMap((s) => s.origins));
  const others = $('other-list');
  others.replaceChildren();
  for (const origin of origins.filter((o) => !known.has(o))) {
    const item = document.createElement('li');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Turn off' });
    remove.addEventListener('click', async () => {
      await api.permissions.remove({ origins: [origin] });
      void renderSites();
    });
    item.append(`${origin} `, remove);
    others.appendChild(item);
  }
}

function renderPacks(): void {
  const list = $('pack-list');
  list.replaceChildren();
  team.packs.forEach((pack, index) => {
    const item = document.createElement('li');
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: 'Remove' });
    remove.addEventListener('click', () => {
      team.packs.splice(index, 1);
      renderPacks();
    });
    item.append(`${pack.name}${pack.url && pack.url !== pack.name ? ` (from ${pack.url})` : ''} `, remove);
    list.appendChild(item);
  });
}

function renderProblems(result: SetupStatus | undefined): void {
  const list = $('problems');
  list.replaceChildren();
  for (const problem of result?.problems ?? []) list.appendChild(Object.assign(document.createElement('li'), { textContent: problem.text }));
  if (result) status(result.problems.length ? `Saved, with ${result.problems.length} problem(s) to fix below. The rest applies.` : `Saved: ${result.rules} rules on${result.packRules ? `, ${result.packRules} from your packs` : ''}.`);
}

function addPack(pack: TeamSource): void {
  const at = team.packs.findIndex((p) => p.name === pack.name);
  if (at >= 0) team.packs[at] = pack;
  else team.packs.push(pack);
  renderPacks();
}

async function save(): Promise<void> {
  const source = $<HTMLTextAreaElement>('config-source').value;
  // Edited by hand after it was loaded: it is the team's pasted config now.
  if (!source.trim()) delete team.config;
  else if (source !== team.config?.source) team.config = { name: '.preachrc.yaml', source };
  await saveTeam(team);
  renderProblems((await api.runtime.sendMessage({ type: 'apply-team' })) as SetupStatus);
}

async function guarded(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    status('');
    $('problems').replaceChildren(Object.assign(document.createElement('li'), { textContent: (error as Error).message }));
  }
}

$('config-file').addEventListener('change', (event) =>
  guarded(async () => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    $<HTMLTextAreaElement>('config-source').value = await file.text();
    team.config = { name: file.name, source: await file.text() };
  }),
);
$('config-fetch').addEventListener('click', () =>
  guarded(async () => {
    const url = $<HTMLInputElement>('config-url').value.trim();
    const source = await fetchText(url);
    $<HTMLTextAreaElement>('config-source').value = source;
    team.config = { name: url, source, url };
  }),
);
$('pack-paste').addEventListener('click', () =>
  guarded(async () => {
    const source = $<HTMLTextAreaElement>('pack-source').value;
    if (!source.trim()) throw new Error('Paste a rule file or a pack file first.');
    addPack({ name: $<HTMLInputElement>('pack-name').value.trim() || `pasted-pack-${team.packs.length + 1}.yaml`, source });
    $<HTMLTextAreaElement>('pack-source').value = '';
  }),
);
$('pack-file').addEventListener('change', (event) =>
  guarded(async () => {
    for (const file of (event.target as HTMLInputElement).files ?? []) addPack({ name: file.name, source: await file.text() });
  }),
);
$('pack-fetch').addEventListener('click', () =>
  guarded(async () => {
    const url = $<HTMLInputElement>('pack-url').value.trim();
    addPack({ name: url, source: await fetchText(url), url });
  }),
);
$('save').addEventListener('click', () => guarded(save));
$('refresh').addEventListener('click', () =>
  guarded(async () => {
    if (team.config?.url) team.config.source = await fetchText(team.config.url);
    for (const pack of team.packs) if (pack.url) pack.source = await fetchText(pack.url);
    if (team.config) $<HTMLTextAreaElement>('config-source').value = team.config.source;
    await save();
  }),
);
$('other-site').addEventListener('submit', (event) => {
  event.preventDefault();
  void guarded(async () => {
    const origin = `${new URL($<HTMLInputElement>('other-origin').value.trim()).origin}/*`;
    if (await api.permissions.request({ origins: [origin] })) status(`preach is on for ${origin}, in its open tabs too.`);
    await renderSites();
  });
});

void (async () => {
  team = await loadTeam();
  $<HTMLTextAreaElement>('config-source').value = team.config?.source ?? '';
  $<HTMLInputElement>('config-url').value = team.config?.url ?? '';
  renderPacks();
  await renderSites();
  const { setupStatus } = (await api.storage.local.get('setupStatus')) as { setupStatus?: SetupStatus };
  if (setupStatus?.problems.length) renderProblems(setupStatus);
})();
