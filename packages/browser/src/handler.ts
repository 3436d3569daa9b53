import { checkReply, prepareSetup, testRuleSource, type PreparedSetup } from './engine.js';
import type { CheckerRequest, CheckerResponse } from './protocol.js';

/**
 * Answers checker requests, keeping the team's resolved config between them. The same handler runs
 * in the playground's Web Worker and in the extension's background, so both check alike.
 */
export function createHandler(now: () => number = () => performance.now()): (request: CheckerRequest) => CheckerResponse {
  let prepared: PreparedSetup | undefined;
  const current = () => (prepared ??= prepareSetup());
  return (request) => {
    try {
      switch (request.type) {
        case 'setup': {
          prepared = prepareSetup(request.setup);
          return { type: 'setup', id: request.id, problems: prepared.problems, packRules: prepared.packRules, rules: prepared.config.rules.size };
        }
        case 'check': {
          const started = now();
          const outcome = checkReply(request.text, request.context ?? {}, current().config, request.disable ?? []);
          return { type: 'check', id: request.id, outcome, ms: now() - started };
        }
        case 'test-rules':
          return { type: 'test-rules', id: request.id, report: testRuleSource(request.source, current().config) };
        case 'situations':
          return { type: 'situations', id: request.id, situations: current().config.situations.map((s) => ({ id: s.id, sensitivity: s.sensitivity, ...(s.description ? { description: s.description } : {}) })) };
        default:
          return { type: 'error', id: (request as { id: number }).id, message: `unknown request "${(request as { type: string }).type}"` };
      }
    } catch (error) {
      return { type: 'error', id: request.id, message: (error as Error).message };
    }
  };
}
