/** `kopru start`: runs the server (and the embedded Neo4j unless NEO4J_URI is set) until Ctrl-C. */
import { loadConfig } from '../../config.js';
import { startServer } from '../../index.js';
import { parseFlags, type Command } from '../command.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'run the server and, unless NEO4J_URI is set, the embedded Neo4j',
  usage: [
    'Usage: kopru start',
    '',
    'Serves the map and the API on http://localhost:$PORT (default 3000). Without NEO4J_URI it starts',
    'the embedded Neo4j with its data in .kopru/ and, when the database is empty, imports data/demo.',
  ].join('\n'),
  async run(argv, io) {
    parseFlags(argv, {}, false);
    await startServer(loadConfig(), { log: (m) => io.stdout(`${m}\n`), handleSignals: true });
    // Keep running: the signal handler exits the process.
    return -1;
  },
};
