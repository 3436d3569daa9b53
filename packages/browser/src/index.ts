export { checkReply, prepareSetup, testRuleSource, type CheckOutcome, type ExampleReport, type Finding, type NamedSource, type PreparedSetup, type RuleTestReport, type SetupProblem, type TeamSetup } from './engine.js';
export { createHandler } from './handler.js';
export { CheckerClient, CheckerClosedError, workerChannel, type CheckerChannel } from './client.js';
export type { CheckerRequest, CheckerResponse } from './protocol.js';
