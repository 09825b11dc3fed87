/**
 * One Köprü server for every e2e file (starting Neo4j is the slow part): started before the files,
 * its URL handed to them with `inject('kopruUrl')`, stopped after.
 */
import type { TestProject } from 'vitest/node';
import { startE2EServer } from './server-harness.js';

declare module 'vitest' {
  export interface ProvidedContext {
    kopruUrl: string;
    kopruHome: string | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startE2EServer((message) => process.stderr.write(`[kopru] ${message}\n`));
  project.provide('kopruUrl', server.url);
  project.provide('kopruHome', server.home);
  return () => server.stop();
}
