import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';

/**
 * Serves LSP over standard input/output and resolves when the client disconnects. Nothing else
 * may write to stdout while it runs: it carries the protocol.
 */
export function runStdioServer(): Promise<void> {
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  return new Promise((resolve) => {
    connection.onExit(() => resolve());
    startServer(connection);
  });
}
