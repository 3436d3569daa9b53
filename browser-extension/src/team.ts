import type { NamedSource, SetupProblem, TeamSetup } from '@preach/browser';
import { extensionApi } from './api.js';

/** A config or pack as the lead gave it: where it came from decides how it is refreshed. */
export interface TeamSource extends NamedSource {
  /** The URL it was fetched from, when it came from one. */
  url?: string;
}

export interface StoredTeam {
  config?: TeamSource;
  packs: TeamSource[];
}

export interface SetupStatus {
  problems: SetupProblem[];
  packRules: number;
  rules: number;
  at: number;
}

export async function loadTeam(): Promise<StoredTeam> {
  const { team } = (await extensionApi().storage.local.get('team')) as { team?: StoredTeam };
  return { packs: team?.packs ?? [], ...(team?.config ? { config: team.config } : {}) };
}

export async function saveTeam(team: StoredTeam): Promise<void> {
  await extensionApi().storage.local.set({ team });
}

export function toSetup(team: StoredTeam): TeamSetup {
  return { ...(team.config ? { config: { name: team.config.name, source: team.config.source } } : {}), packs: team.packs.map(({ name, source }) => ({ name, source })) };
}
