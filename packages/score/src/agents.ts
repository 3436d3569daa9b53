import { PreachInputError } from '@preach/core';
import type { AgentRef, ScoredConversation } from './types.js';

export interface AgentSettings {
  names?: Record<string, string>;
  aliases?: Record<string, string | string[]>;
}

/**
 * A sign-off at the very end of a social reply: a mark (`^ * / ~ -`, or a dash) then the agent's
 * initials or name, as brands sign their tweets: `^JK`, `*KatGrisham`, `/NS`, `-Becky`, `~ Ellen`.
 * The mark must follow a space or a line break, so a URL (`t.co/Ax7W`) or "and/or" is not one;
 * the name starts with a capital.
 */
const SIGN_OFF = /(?:^|\s)[\^*/~\-\u2013\u2014]\s?([A-Z][A-Za-z]{1,24})\s*$/u;

/** Words that end a reply after a dash but name nobody ("- Thanks"). */
const NOT_A_NAME = new Set(['thanks', 'thank', 'thx', 'cheers', 'regards', 'best', 'team', 'support', 'love', 'sincerely', 'ty', 'dm', 'ok', 'yes', 'no']);

/** The agent a social reply is signed by (`^TM` → "TM", `*Kat` → "Kat"), if it ends with a sign-off. */
export function signOffOf(text: string): string | undefined {
  const name = SIGN_OFF.exec(text)?.[1];
  return name && !NOT_A_NAME.has(name.toLowerCase()) ? name : undefined;
}

/** Spellings compare without case and extra spaces: "Sam  Lee" is "sam lee". */
const normal = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Who an agent is, by the team's own list: `agents.names` names the ids an export gives instead of
 * names (Freshdesk's `user_id`), and `agents.aliases` folds the spellings, accounts and ids one
 * person appears under into that person. Applied to every scored conversation before it is
 * reported, so conversations, agents and totals agree.
 */
export class AgentDirectory {
  private constructor(
    private readonly names: ReadonlyMap<string, string>,
    /** Any spelling, account or id (normalised) → the person's name as the config writes it. */
    private readonly canonical: ReadonlyMap<string, string>,
  ) {}

  /** Checks the settings: one spelling cannot belong to two people. `file` is named in errors. */
  static from(settings: AgentSettings | undefined, file: string): AgentDirectory {
    const names = new Map(Object.entries(settings?.names ?? {}));
    const canonical = new Map<string, string>();
    const owner = new Map<string, string>();
    for (const [person, given] of Object.entries(settings?.aliases ?? {})) {
      for (const spelling of [person, ...(Array.isArray(given) ? given : [given])]) {
        const key = normal(spelling);
        const taken = owner.get(key);
        if (taken !== undefined && taken !== person) {
          throw new PreachInputError({
            file,
            key: `agents.aliases.${person}`,
            message: `"${spelling}" is also ${taken === spelling ? 'a person of its own' : `an alias of "${taken}"`} in agents.aliases`,
            hint: 'Each spelling, account or id belongs to one person: list it under one name only.',
          });
        }
        owner.set(key, person);
        canonical.set(key, person);
      }
    }
    return new AgentDirectory(names, canonical);
  }

  get empty(): boolean {
    return this.names.size === 0 && this.canonical.size === 0;
  }

  /** The agent as the team knows them: an alias's person, or the name given to an id. */
  resolve(agent: AgentRef): AgentRef {
    if (agent.bot || this.empty) return agent;
    const named = this.names.get(agent.id);
    // Sign-off initials (`account/JK`) can be an alias of their own.
    const initials = agent.id.includes('/') ? agent.id.slice(agent.id.lastIndexOf('/') + 1) : undefined;
    for (const candidate of [agent.id, named, agent.name, initials]) {
      const person = candidate === undefined ? undefined : this.canonical.get(normal(candidate));
      if (person) return { id: person, name: person };
    }
    return named ? { ...agent, name: named } : agent;
  }

  /** Resolves every agent of a scored conversation, in place. */
  apply(conversation: ScoredConversation): void {
    if (this.empty) return;
    for (const reply of conversation.replies) reply.agent = this.resolve(reply.agent);
    const seen = new Map<string, AgentRef>();
    for (const reply of conversation.replies) if (!seen.has(reply.agent.id)) seen.set(reply.agent.id, reply.agent);
    conversation.agents = [...seen.values()];
  }
}
