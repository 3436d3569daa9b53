import type { ReplyContext } from '@preach/core';
import type { CheckOutcome, NamedSource, RuleTestReport, SetupProblem, TeamSetup } from './engine.js';

/** What a page asks the checker (a Web Worker, or the extension's background). */
export type CheckerRequest =
  | { type: 'setup'; id: number; setup: TeamSetup }
  | { type: 'check'; id: number; text: string; context: ReplyContext; disable?: string[] }
  | { type: 'test-rules'; id: number; source: NamedSource }
  | { type: 'situations'; id: number };

/** The checker's answer to the request with the same id. */
export type CheckerResponse =
  | { type: 'setup'; id: number; problems: SetupProblem[]; packRules: number; rules: number }
  | { type: 'check'; id: number; outcome: CheckOutcome; ms: number }
  | { type: 'test-rules'; id: number; report: RuleTestReport }
  | { type: 'situations'; id: number; situations: Array<{ id: string; sensitivity: string; description?: string }> }
  | { type: 'error'; id: number; message: string };
