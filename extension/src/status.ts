import * as vscode from 'vscode';
import type { ScoreParams } from '@preach/language-server/protocol';

/** The status bar item: the active draft's score and situation; a click sets the context. */
export class ScoreStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('preach.score', vscode.StatusBarAlignment.Right, 100);
  private readonly scores = new Map<string, ScoreParams>();

  constructor() {
    this.item.name = 'preach score';
    this.item.command = 'preach.setContext';
  }

  update(params: ScoreParams): void {
    this.scores.set(params.uri, params);
    this.refresh();
  }

  current(uri: string): ScoreParams | undefined {
    return this.scores.get(uri);
  }

  forget(uri: string): void {
    this.scores.delete(uri);
    this.refresh();
  }

  clear(): void {
    this.scores.clear();
    this.refresh();
  }

  refresh(): void {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const params = uri ? this.scores.get(uri) : undefined;
    if (!params) {
      this.item.hide();
      return;
    }
    const situation = params.situation?.id ?? 'no situation';
    if (params.score === null) {
      this.item.text = '$(error) preach: config error';
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
    } else {
      const icon = params.critical ? '$(error)' : params.score >= 80 ? '$(pass)' : params.score >= 60 ? '$(warning)' : '$(error)';
      const paused = params.codeRulesPaused ? ' · $(workspace-untrusted) code rules paused' : '';
      this.item.text = `${icon} preach ${Math.round(params.score)} · ${situation}${paused}`;
      this.item.backgroundColor = params.critical || params.score < 60 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    this.item.tooltip = tooltip(params);
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function tooltip(params: ScoreParams): vscode.MarkdownString {
  const lines: string[] = [];
  if (params.configError) {
    lines.push('**preach cannot check this draft:**', '', '```', params.configError, '```');
  } else {
    lines.push(`**Score ${params.score}**${params.critical ? ' (a critical rule fired)' : ''} · ${params.problems} problem${params.problems === 1 ? '' : 's'} · ${params.words} words`);
    const s = params.situation;
    const how = s && s.reason && s.reason !== s.source ? `${s.source}: ${s.reason}` : s?.source;
    if (s) lines.push('', s.id ? `**Situation:** ${s.id} (${s.sensitivity} sensitivity) — ${how}` : `**Situation:** none — ${s.reason}`);
    const categories = Object.entries(params.categories).map(([name, value]) => `${name} ${value}`).join(' · ');
    if (categories) lines.push('', categories);
  }
  if (params.codeRulesPaused) {
    const modules = params.codeRulesPaused.modules.map((module) => `\`${module}\``).join(', ');
    lines.push('', `**${params.codeRulesPaused.reason}.** ${modules} will run once you trust this folder (Manage Workspace Trust); built-in rules and rule files apply now.`);
  }
  lines.push('', '_Click to set the situation, customer name and message._');
  const markdown = new vscode.MarkdownString(lines.join('\n'));
  markdown.isTrusted = false;
  return markdown;
}
