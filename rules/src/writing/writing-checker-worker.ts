// The writing checker's thread: loads Harper (harper.js, a spelling and grammar checker compiled
// to WebAssembly, all offline) once, then checks each text the rules send. It runs apart from the
// engine because Harper only loads asynchronously and rules are synchronous: the rule waits for
// the answer on a shared flag (see checker.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { CheckRequest, CheckResponse, HarperFinding } from './protocol.js';

interface Init {
  port: MessagePort;
  flag: Int32Array;
}

const { port, flag } = workerData as Init;

type Linter = import('harper.js').LocalLinter;
let linter: Promise<Linter> | undefined;

/** Harper's slim build: the same rules and dictionary as the full one, in one WebAssembly file instead of two. */
async function load(): Promise<Linter> {
  const harper = await import('harper.js');
  const { slimBinary } = await import('harper.js/slimBinary');
  const american = new harper.LocalLinter({ binary: slimBinary, dialect: harper.Dialect.American });
  // SplitWords answers an unknown word with a split into two ("havent" → "ha vent", "adress" →
  // "a dress"), which hides the spelling check's own corrections ("haven't", "address"); off, the
  // word goes to the spelling check, and a closed compound ("shoutout") is style, not a slip.
  await american.setLintConfig({ ...(await american.getLintConfig()), SplitWords: false });
  // The first misspelling builds Harper's index of corrections: pay for it while loading.
  await american.lint('We recieved it.', { language: 'plaintext' });
  return american;
}

async function check(request: CheckRequest): Promise<CheckResponse> {
  try {
    linter ??= load();
    const instance = await linter;
    // Replies in another language are not this English checker's business: mostly non-Latin
    // letters, or half the words unknown to it (British spellings are unknown to it too). Harper's
    // own isLikelyEnglish turns down short English replies with a single typo.
    const letters = request.text.match(/\p{L}/gu)?.length ?? 0;
    const latin = request.text.match(/\p{Script=Latin}/gu)?.length ?? 0;
    if (latin < letters / 2) return { id: request.id, findings: [] };
    // Organised by the Harper rule that found each one, for the rules to judge by it.
    const byRule = Object.entries(await instance.organizedLints(request.text, { language: 'markdown' }));
    const lints = byRule.flatMap(([rule, found]) => found.map((lint) => ({ rule, lint })));
    const words = request.text.match(/\p{L}+/gu)?.length ?? 0;
    const unknown = lints.filter(({ lint }) => lint.lint_kind() === 'Spelling').length;
    if (words >= 6 && unknown > words / 2) {
      for (const { lint } of lints) lint.free();
      return { id: request.id, findings: [] };
    }
    const findings: HarperFinding[] = [];
    for (const { rule, lint } of lints) {
      const span = lint.span();
      // harper.js gives offsets in UTF-16 units, as JavaScript strings count them (emoji included).
      const finding: HarperFinding = {
        start: span.start,
        end: span.end,
        rule,
        kind: lint.lint_kind(),
        message: lint.message(),
        suggestions: lint.suggestions().map((suggestion) => suggestion.get_replacement_text()),
      };
      span.free();
      lint.free();
      findings.push(finding);
    }
    // In the order of the text, as Harper's plain list gives them.
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    return { id: request.id, findings };
  } catch (error) {
    return { id: request.id, error: (error as Error).message ?? String(error) };
  }
}

port.on('message', (request: CheckRequest) => {
  void check(request).then((response) => {
    port.postMessage(response);
    Atomics.store(flag, 0, 1);
    Atomics.notify(flag, 0);
  });
});
parentPort?.postMessage('started');
