// @preach/score: everything `preach score` does apart from the command line, for the CLI, a queue
// worker and any other host. Reading transcripts (help-desk importers, CSV grouping), scoring each
// conversation on a thread pool, aggregating, and writing the reports.
export { AgentDirectory, type AgentSettings } from './agents.js';
export { Aggregator, agentReviews, type AgentReview, type AgentSummary, type ConversationRow, type InputSummary, type ReportWarning, type RuleSummary, type ScoreBucket, type ScoreReport, type Summary } from './aggregate.js';
export { agreementOf, AgreementCollector, COMPARE_FIELDS, readHumanScores, verdictOf, type Agreement, type CompareField, type Disagreement, type HumanScores, type HumanVerdict, type ScorePair } from './compare.js';
export { ConversationFilter, conversationTime, describeFilters, filterNote, parseDateBound, type FilterSpec, type FilterSummary } from './filter.js';
export { formatReviewFile, newSeed, REVIEW_COLUMNS, ReviewSampler, SAMPLE_BY, topFindings, type ReviewRow, type SampleBy } from './sample.js';
export { checkCsvMapping, CSV_FIELDS, type CsvField } from './importers/csv.js';
export { describeFormats, INPUT_FORMATS, RECORD_IMPORTERS } from './importers/registry.js';
export { readTranscripts, type InputRead, type OpenOptions } from './input/index.js';
export { createReportSink, type SinkOptions } from './output/index.js';
export { DEFAULT_MIN_CONVERSATIONS } from './output/html.js';
export { conversationJson, SCORE_JSON_VERSION } from './output/json.js';
export { textOut, type ReportSink, type TextOut } from './output/sink.js';
export { scoreAll, startPool, THREAD_HEAP_MB, type RunOptions, type ScoreTask } from './pool.js';
export { scoreBatch, scoreConversation, type ScorerOptions } from './scorer.js';
export { createScorerOptions, type ScoreSetup } from './setup.js';
export * from './types.js';
