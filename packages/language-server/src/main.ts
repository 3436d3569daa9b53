#!/usr/bin/env node
/**
 * Entry point for editors that launch the server directly (the VS Code extension bundles this):
 * the transport comes from the command line (--stdio, --node-ipc or --socket=N).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node.js';
import { startServer } from './server.js';
import { createStdioConnection } from './stdio.js';

startServer(process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all));
