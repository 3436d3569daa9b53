import { pathToFileURL } from 'node:url';
import { isAbsolute } from 'node:path';
import type { Rule, Severity } from '@preach/core';
import { endPoint, type FileReport } from '../report.js';

const LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', suggestion: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it. */
export function formatSarif(reports: readonly FileReport[], rules: ReadonlyMap<string, Rule>, version: string): string {
  const ruleIds = [...rules.keys()].sort();
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = [];
  const notifications = [];
  for (const report of reports) {
    const uri = report.file === '<stdin>' ? 'stdin' : toUri(report.file);
    if (report.error) {
      notifications.push({ level: 'error', message: { text: `${report.file}: ${report.error}` }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
    }
    if (report.writeError) {
      notifications.push({ level: 'error', message: { text: `${report.file}: not fixed: ${report.writeError}` }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
    }
    for (const message of report.result?.messages ?? []) {
      const end = endPoint(message);
      const region = { startLine: message.line ?? 1, startColumn: message.column ?? 1, endLine: end.line, endColumn: end.column };
      const result: Record<string, unknown> = {
        ruleId: message.ruleId,
        level: LEVEL[message.severity],
        message: { text: message.reason },
        locations: [{ physicalLocation: { artifactLocation: { uri }, region } }],
        properties: { category: message.category, critical: Boolean(message.critical) },
      };
      if (index.has(message.ruleId)) result.ruleIndex = index.get(message.ruleId);
      if (message.expected?.length) {
        const { startOffset: start, endOffset } = message;
        result.fixes = [
          {
            description: { text: `Replace with "${message.expected[0]}"` },
            artifactChanges: [
              {
                artifactLocation: { uri },
                replacements: [{ deletedRegion: { ...region, charOffset: start, charLength: endOffset - start }, insertedContent: { text: message.expected[0] } }],
              },
            ],
          },
        ];
      }
      results.push(result);
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'preach',
            version,
            informationUri: 'https://github.com/preach-dev/preach',
            rules: ruleIds.map((id) => {
              const { meta } = rules.get(id)!;
              return {
                id,
                shortDescription: { text: meta.docs.description },
                fullDescription: { text: meta.docs.why || meta.docs.description },
                helpUri: meta.url,
                defaultConfiguration: { level: meta.severity === 'off' ? 'none' : LEVEL[meta.severity] },
                properties: { category: meta.category, tags: [meta.category] },
              };
            }),
          },
        },
        results,
        invocations: [{ executionSuccessful: notifications.length === 0, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function toUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

