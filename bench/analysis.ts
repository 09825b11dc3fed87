/**
 * Speed of the analysis core on the demo data (issue: analysis core): the full metric suite of one
 * wave must take under 50 ms and a compare with 5000 permutations under 1 s. Medians of warm runs.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../server/config.js';
import { analyseChange, analyseIsolation, analyseWave } from '../server/domain/analysis/index.js';
import { readBundleFolder } from '../server/files/read-bundle.js';
import { printTimings, time, type Timing } from './timing.js';

export async function benchAnalysis(): Promise<Timing[]> {
  const dataset = await readBundleFolder(path.join(PROJECT_ROOT, 'data', 'demo'));
  const n = dataset.organizations.length;
  const timings: Timing[] = [];
  for (const mode of ['undirected', 'directed', 'reciprocated'] as const) {
    for (const weighted of [false, true]) {
      timings.push(
        time(
          `metrics suite, wave post, ${mode}${weighted ? ', weighted' : ''} (${n} orgs)`,
          () => analyseWave(dataset, { wave: 'post', mode, weighted }),
          {
            target: 50,
          },
        ),
      );
    }
  }
  timings.push(
    time(
      'compare pre→post, 5000 permutations + 5000 bootstrap samples',
      () => analyseChange(dataset, { from: 'pre', to: 'post' }),
      {
        runs: 10,
        warmup: 2,
        target: 1000,
      },
    ),
  );
  timings.push(
    time(
      'isolated organizations + suggestions, wave post',
      () => analyseIsolation(dataset, { wave: 'post' }),
      { runs: 20 },
    ),
  );
  printTimings(`Analysis core on the demo data (${n} organizations, Node ${process.version})`, timings);
  return timings;
}
