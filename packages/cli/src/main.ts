import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { CHANNELS } from '@preach/core/categories';
import pc from 'picocolors';
import type { Io } from './commands/lint.js';
import { printConfigWarnings } from './config-warnings.js';
// The score package's small module of names, not its index: start-up stays free of the importers.
import { GROUP_BY, SCORE_FORMATS } from '@preach/score/types';
import { EXIT, printError, UsageError } from './exit.js';

// Each command's module, and the config loader, are imported when that command runs, and what
// start-up needs from the engine comes from its small modules, not its index: `preach --version`
// loads neither the engine nor the rules (see scripts/bundle.mjs).
const loadConfigFor: typeof import('@preach/config').loadConfigFor = async (...args) => (await import('@preach/config')).loadConfigFor(...args);

const VERSION: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

/** commander gives `--no-config` as `config: false` and `--config FILE` as a string. */
function configFlags(options: { config?: string | boolean }): { config?: string; noConfig: boolean } {
  return { config: typeof options.config === 'string' ? options.config : undefined, noConfig: options.config === false };
}

function configFileOption(config: string | undefined, cwd: string): { configFile?: string } {
  return { configFile: config && resolve(cwd, config) };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Runs the CLI and resolves to the exit code. Never throws; never prints a stack trace. */
export async function main(argv: string[], partial: Partial<Io> = {}): Promise<number> {
  const io: Io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, cwd: process.cwd(), version: VERSION, ...partial };
  let exitCode: number = EXIT.ok;
  const colorFor = (flag: boolean | undefined) => flag !== false && pc.isColorSupported && (io.stdout as NodeJS.WriteStream).isTTY === true;

  // The input formats come from the importers, which only `preach score` loads.
  const formats = argv.slice(2).includes('score') ? await import('@preach/score') : undefined;
  const program = new Command('preach')
    .description('Tone-of-voice and reply-quality linter for customer-support replies (PREACH: Proud, Responsible, Empathetic, Articulate, Concise, Human)')
    .version(VERSION, '-v, --version')
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s), outputError: (s) => (commanderError += s) });
  /** Commander's own error text, printed as is except for unknown commands (see below). */
  let commanderError = '';

  program
    .command('lint')
    .description('check draft replies (Markdown or text) in the context of the conversation they answer')
    .argument('[files...]', 'files, folders or globs; - reads standard input')
    .option('--customer-name <name>', "the customer's name (full or first)")
    .option('--customer-message <text>', "the customer's message the reply answers")
    .option('--customer-message-file <file>', "read the customer's message from a file")
    .option('--thread-file <file>', 'earlier turns of the conversation (YAML or JSON list of `customer: …` / `agent: …`)')
    .option('--situation <id>', 'the situation (billing-failure, outage, …); inferred from the customer message when absent')
    .addOption(new Option('--channel <channel>', 'where the reply goes').choices([...CHANNELS]))
    .option('--language <lang>', 'the reply language: en, th, ko, zh (or any BCP 47 tag); detected per draft when absent, or auto')
    .option('--agent-name <name>', "the agent's name")
    .option('--tag <tag>', 'a help-desk tag (repeatable)', collect)
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
    .option('--fix', 'apply fixes to the files in place')
    .option('--max-warnings <n>', 'exit with 1 when there are more warnings than this')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--no-config', 'ignore config files; use preach:recommended')
    .option('-q, --quiet', 'report errors only')
    .option('-o, --output <file>', 'write the report to a file')
    .option('--stdin-filename <path>', 'path for standard input (config lookup and messages)')
    .option('--time-budget <seconds>', 'time one draft may take to check (default 10, or limits.time_budget)')
    .option('--max-draft-kb <kb>', 'drafts larger than this are not checked (default 1024, or limits.max_draft_kb)')
    .option('--no-color', 'plain output')
    .action(async (files: string[], options) => {
      const { lintCommand } = await import('./commands/lint.js');
      exitCode = await lintCommand(files, { ...options, ...configFlags(options), color: colorFor(options.color) }, io);
    });

  program
    .command('score')
    .description('score agent replies in exported transcripts (JSONL, JSON and CSV exports of Zendesk, Intercom, Freshdesk, Help Scout, Front, Gorgias, Kustomer): per conversation, agent and team')
    .argument('[files...]', 'transcript files, folders or globs; - reads standard input')
    .addOption(new Option('--input-format <format>', 'input format (detected when absent; listed below)').choices(formats ? ['auto', ...formats.INPUT_FORMATS] : []).default('auto'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(SCORE_FORMATS).default('table'))
    .addOption(new Option('--group-by <what>', 'CSV rows: one per conversation or per agent').choices(GROUP_BY).default('conversation'))
    .option('-o, --output <file>', 'write the report to a file')
    .option('-j, --jobs <n>', 'scoring threads (default: the number of cores)')
    .option('--strict', 'stop at the first record that cannot be scored (exit 2)')
    .option('--channel <channel>', `only conversations on this channel: ${CHANNELS.join(', ')} (those whose export does not say are taken to be on it), or the export's own name (twitter, whatsapp)`)
    .option('--since <date>', 'only conversations from this date or time on (ISO 8601: 2024-05-01 or 2024-05-01T09:00Z; UTC)')
    .option('--until <date>', 'only conversations up to this date (that whole day) or time')
    .option('--agent <name-or-id>', 'only conversations this agent replied in (repeatable)', collect)
    .option('--tag <tag>', 'only conversations with this help-desk tag (repeatable: any of them)', collect)
    .option('--sample <n>', 'write N conversations for a human to review (random, or N per agent with --sample-by agent) to --sample-output')
    .addOption(new Option('--sample-by <what>', 'draw the review sample among all conversations or N per agent').choices(['conversation', 'agent']))
    .option('--sample-output <file>', 'the review file: CSV, or JSON lines when it ends in .jsonl')
    .option('--seed <n>', 'seed of the review sample, to draw the same one again (printed when not given)')
    .option('--compare <file>', 'human QA scores (CSV or JSONL: conversation id and a 0-100 score or pass/fail) to report agreement with')
    .option('--compare-column <field=column>', 'column of the --compare file for conversation_id or score, e.g. score="QA Score" (repeatable)', collect)
    .option('--language <lang>', 'reply language for conversations whose records do not say (en, th, ko, zh, …); detected per reply when absent')
    .option('--agent-signature <regex>', 'sign-off pattern with one group capturing the agent id (overrides agents.signature)')
    .option('--time-budget <seconds>', 'time one reply may take to check (default 10, or limits.time_budget)')
    .option('--max-draft-kb <kb>', 'replies larger than this are not checked (default 1024, or limits.max_draft_kb)')
    .option('--csv-column <field=column>', 'CSV column for a field, e.g. body=Comment (repeatable)', collect)
    .option('--include-bots', "also score bot and automation replies, apart from the agents (never in the team's or an agent's score)")
    .option('--worst <n>', 'lowest-scoring conversations shown open, down to the reply, in the HTML report', '20')
    .option('--min-conversations <n>', 'conversations an agent needs to be ranked in the HTML report (default 10, or report.min_conversations)')
    .option('-c, --config <file>', 'use this config file instead of searching for one')
    .option('--no-config', 'ignore config files; use preach:recommended')
    .option('--no-progress', 'no progress bar')
    .option('--no-color', 'plain output')
    .option('--queue <redis-url>', 'score on the workers of a BullMQ queue in Redis (see preach worker), e.g. redis://127.0.0.1:6379')
    .option('--shard-size <n>', 'conversations per shard on the queue (default 500)')
    .option('--run-id <id>', 'resume the run with this id on the queue (the same input and config)')
    .option('--collect <run>', 'assemble the report of a run already on the queue, without reading any input')
    .addHelpText('after', () => (formats ? `\nInput formats (--input-format; detected per record when absent):\n${formats.describeFormats()}\n` : ''))
    .action(async (files: string[], options) => {
      const { scoreCommand } = await import('./commands/score.js');
      exitCode = await scoreCommand(files, { ...options, ...configFlags(options), color: colorFor(options.color) }, io);
    });

  program
    .command('worker')
    .description('score shards of the runs `preach score --queue` sends to a BullMQ queue in Redis, on every core, until stopped')
    // Not commander's requiredOption: its "required option not specified" says neither what the
    // option is nor where to read more; workerCommand says both.
    .option('--queue <redis-url>', 'the Redis the producer uses, e.g. redis://127.0.0.1:6379 (required)')
    .option('-j, --jobs <n>', 'scoring threads (default: the number of cores)')
    .option('--concurrency <n>', 'shards scored at once on those threads (default 2)')
    .option('--lock-ms <ms>', "how long a shard stays this worker's without a sign of life (default 30000)")
    .option('--stalled-interval-ms <ms>', 'how often to look for shards whose worker died (default 30000)')
    .action(async (options) => {
      const { workerCommand } = await import('./commands/worker.js');
      exitCode = await workerCommand(options, io);
    });

  program
    .command('rules')
    .description('list the rules with their PREACH category and severity')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'use this config file')
    .option('--no-color', 'plain output')
    .action(async (options) => {
      const { formatRuleList } = await import('./commands/rules.js');
      const { config, warnings } = await loadConfigFor(io.cwd, configFileOption(options.config, io.cwd));
      printConfigWarnings(warnings, io.stderr);
      io.stdout.write(formatRuleList(config, { format: options.format, color: colorFor(options.color) }));
    });

  program
    .command('explain')
    .description("print a rule's docs: what it checks, why, and examples")
    .argument('<rule>', 'rule id')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'markdown']).default('text'))
    .option('-c, --config <file>', 'use this config file')
    .option('--no-color', 'plain output')
    .action(async (id: string, options) => {
      const { explainRule } = await import('./commands/explain.js');
      const { config, warnings } = await loadConfigFor(io.cwd, configFileOption(options.config, io.cwd));
      printConfigWarnings(warnings, io.stderr);
      io.stdout.write(explainRule(config, id, { color: colorFor(options.color), format: options.format }));
    });

  program
    .command('init')
    .description('write a starter .preachrc.yaml with comments')
    .option('--force', 'overwrite an existing .preachrc.yaml')
    .action(async (options) => {
      const { initCommand } = await import('./commands/init.js');
      exitCode = await initCommand(options, io.cwd, io.stdout);
    });

  program
    .command('lsp')
    .description('start the language server for editors (LSP over standard input/output)')
    .option('--stdio', 'talk LSP over standard input/output (the only transport; accepted for editors that pass it)')
    .action(async () => {
      const { runStdioServer } = await import('@preach/language-server');
      await runStdioServer();
    });

  program
    .command('test-rules')
    .description("run rules' own examples (bad ones must be flagged, good ones must not)")
    .argument('[paths...]', 'rule files, pack folders or package names (default: configured rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'use this config file when no paths are given')
    .option('--no-color', 'plain output')
    .action(async (paths: string[], options) => {
      const { formatTestRules, testRules } = await import('./commands/test-rules.js');
      const result = await testRules(paths, io.cwd, async () => {
        const { config, warnings } = await loadConfigFor(io.cwd, configFileOption(options.config, io.cwd));
        printConfigWarnings(warnings, io.stderr);
        return config;
      });
      io.stdout.write(formatTestRules(result, { color: colorFor(options.color), format: options.format }));
      exitCode = result.loadErrors.length > 0 ? EXIT.usage : result.outcomes.some((o) => !o.passed) ? EXIT.problems : EXIT.ok;
    });

  try {
    await program.parseAsync(unknownCommandFirst(program, argv));
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
      if (error.code === 'commander.unknownCommand') {
        const name = /'(.*)'/.exec(commanderError)?.[1] ?? '';
        const similar = /\(Did you mean (.+)\?\)/.exec(commanderError)?.[1];
        const commands = program.commands.map((command) => command.name()).filter((command) => command !== 'help');
        io.stderr.write(
          similar
            ? `preach: unknown command '${name}'. Did you mean '${similar}'? \`preach --help\` lists every command.\n`
            : `preach: unknown command '${name}'. The commands are ${commands.join(', ')}; \`preach --help\` says what each does.\n`,
        );
      } else {
        // Commander's own words ("error: option '--queue <redis-url>' argument missing"), in
        // preach's style, with where to look.
        const command = argv.slice(2).find((arg) => program.commands.some((known) => known.name() === arg));
        const message = commanderError.trim().replace(/^error:\s*/, '');
        io.stderr.write(`preach: ${message}. \`preach ${command ? `${command} ` : ''}--help\` lists the options.\n`);
      }
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`preach: ${error.message}\n`);
      return EXIT.usage;
    }
    printError(error, io.stderr);
    return EXIT.usage;
  }
}

/**
 * Commander answers `preach worker --help` and `preach help worker` with the general help and
 * exit 0, as if the command existed. Both are parsed as the bare unknown command instead, so
 * every spelling of it ends the same way: "unknown command", a suggestion, exit 2.
 */
function unknownCommandFirst(program: Command, argv: string[]): string[] {
  const [first, second] = argv.slice(2);
  const known = (name: string) => program.commands.some((command) => command.name() === name || command.aliases().includes(name));
  if (first === 'help' && second && !second.startsWith('-') && !known(second)) return [...argv.slice(0, 2), second];
  if (first && !first.startsWith('-') && first !== 'help' && !known(first)) return [...argv.slice(0, 2), first];
  return argv;
}
