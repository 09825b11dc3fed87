/**
 * Starting a worker both under tsx (development, tests: the sources are `.ts`) and from the compiled
 * `dist/` (`.js`). A `.ts` worker needs tsx's hooks registered in the worker itself (neither vitest's
 * transform nor the `tsx` command's `--import` reach a worker's entry), so it starts from a tiny
 * bootstrap that registers tsx's ESM hooks, then imports the module.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** Starts the worker module `name` (without extension) that sits next to `callerUrl` (`import.meta.url`). */
export function startWorker(name: string, callerUrl: string, options: WorkerOptions = {}): Worker {
  const typescript = callerUrl.endsWith('.ts');
  const url = new URL(`./${name}${typescript ? '.ts' : '.js'}`, callerUrl);
  if (!typescript) return new Worker(url, options);
  // The ESM build of `tsx/esm/api` (a require.resolve would give its CommonJS build).
  const api = new URL(
    './dist/esm/api/index.mjs',
    pathToFileURL(createRequire(callerUrl).resolve('tsx/package.json')),
  ).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
