import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SetContextRequest, SituationsRequest, type DraftContext, type ScoreParams } from '@preach/language-server/protocol';

type Field = 'situation' | 'customerName' | 'customerMessage' | 'channel' | 'clear';

/**
 * A quick pick for the draft's context: situation, customer name and message, channel. What is
 * picked here wins over the draft's front matter until the draft is closed.
 */
export async function pickContext(client: LanguageClient, document: vscode.TextDocument, score: ScoreParams | undefined): Promise<DraftContext | undefined> {
  const uri = document.uri.toString();
  const context = score?.context ?? {};
  const situation = score?.situation;
  const items: Array<vscode.QuickPickItem & { field: Field }> = [
    {
      field: 'situation',
      label: '$(symbol-event) Situation',
      description: situation?.id ? `${situation.id} (${situation.source})` : 'none',
      detail: situation?.reason,
    },
    { field: 'customerName', label: "$(person) Customer's name", description: context.customerName ?? 'not set' },
    { field: 'customerMessage', label: "$(comment) Customer's message", description: context.customerMessage ? shorten(context.customerMessage) : 'not set' },
    { field: 'channel', label: '$(send) Channel', description: context.channel ?? 'not set' },
    { field: 'clear', label: '$(clear-all) Clear what was set here', description: 'back to the front matter' },
  ];
  const picked = await vscode.window.showQuickPick(items, { placeHolder: 'preach: context for this draft', matchOnDescription: true });
  if (!picked) return undefined;
  const change = await askFor(picked.field, client, uri, context);
  if (change) await client.sendRequest(SetContextRequest, { uri, context: change });
  return change;
}

async function askFor(field: Field, client: LanguageClient, uri: string, context: DraftContext): Promise<DraftContext | undefined> {
  switch (field) {
    case 'situation': {
      const situations = await client.sendRequest(SituationsRequest, { uri });
      const choice = await vscode.window.showQuickPick(
        [{ label: 'Infer from the customer message', id: null as string | null }, ...situations.map((s) => ({ label: s.id, description: `${s.sensitivity} sensitivity`, detail: s.description, id: s.id as string | null }))],
        { placeHolder: 'Which situation does this reply answer?' },
      );
      return choice && { situation: choice.id };
    }
    case 'customerName': {
      const value = await vscode.window.showInputBox({ prompt: "The customer's name (full or first)", value: context.customerName ?? '' });
      return value === undefined ? undefined : { customerName: value.trim() || null };
    }
    case 'customerMessage': {
      const value = await vscode.window.showInputBox({ prompt: "The customer's message this reply answers", value: context.customerMessage ?? '' });
      return value === undefined ? undefined : { customerMessage: value.trim() || null };
    }
    case 'channel': {
      const choice = await vscode.window.showQuickPick(['chat', 'email', 'social', 'sms', 'not set'], { placeHolder: 'Where is the reply sent?' });
      return choice === undefined ? undefined : { channel: choice === 'not set' ? null : (choice as DraftContext['channel']) };
    }
    case 'clear':
      return { situation: null, customerName: null, customerMessage: null, channel: null, agentName: null, tags: null };
  }
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
