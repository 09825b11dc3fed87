/**
 * `kopru generate-demo [--seed N] --out DIR`: writes the synthetic demo dataset as a CSV bundle and
 * prints its counts. The same seed always writes byte-identical files; data/demo is seed 2019.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import {
  DEMO_DEFAULT_SEED,
  generateDemo,
  summarizeDemo,
  type DemoSummary,
} from '../../domain/demo/generate-demo.js';
import { serializeCsvBundle } from '../../domain/io/csv-bundle-writer.js';
import { writeBundleFolder } from '../../files/write-bundle.js';
import { parseFlags, UsageError, type Command } from '../command.js';

const MAX_SEED = 0xffffffff;

const flagsSchema = z.object({
  seed: z
    .string()
    .regex(/^\d+$/, `--seed must be a whole number from 0 to ${MAX_SEED}`)
    .transform(Number)
    .refine((seed) => seed <= MAX_SEED, `--seed must be a whole number from 0 to ${MAX_SEED}`)
    .optional(),
  out: z.string({ error: '--out DIR is required' }).min(1, '--out DIR must not be empty'),
});

function pct(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}

/** The printed summary: the numbers data/demo/README.md quotes, so a regeneration can be checked by eye. */
export function formatDemoSummary(summary: DemoSummary): string {
  const cities = Object.entries(summary.byCity)
    .map(([city, c]) => `${city} ${c.ngo} NGOs + ${c.institution} institutions`)
    .join(', ');
  const lines = [
    `  organizations  ${summary.organizations} (${summary.ngos} NGOs, ${summary.institutions} institutions; ${cities})`,
    `  refugee-led    ${summary.refugeeLed} NGOs`,
    `  events         ${summary.events}, attendance rows ${summary.attendance}`,
  ];
  for (const w of summary.waves) {
    lines.push(
      `  wave ${w.wave.padEnd(9)} ${w.undirectedTies} ties (undirected; density ${w.density.toFixed(4)}, ` +
        `${w.ngoInstitutionTies} NGO–institution, ${w.reciprocatedTies} reported by both), ` +
        `${w.reportedRows} reported rows, ${w.responded}/${w.responded + w.missing} responded, ` +
        `${w.isolates.length} isolates`,
    );
  }
  for (const c of summary.changes) {
    lines.push(
      `  ${c.from} → ${c.to}     +${c.added} added (${c.ngoInstitutionAdded} NGO–institution), ` +
        `−${c.removed} removed, ${c.stable} stable`,
    );
  }
  const e = summary.meetingEffect;
  lines.push(
    `  meeting effect new-tie rate: co-attendees ${pct(e.coAttendeeNewTies, e.coAttendeePairs)} ` +
      `(${e.coAttendeeNewTies}/${e.coAttendeePairs} pairs), others ${pct(e.otherNewTies, e.otherPairs)} ` +
      `(${e.otherNewTies}/${e.otherPairs})`,
  );
  return lines.join('\n');
}

export const generateDemoCommand: Command = {
  name: 'generate-demo',
  summary: 'write the synthetic, calibrated demo dataset as a CSV bundle',
  usage: [
    'Usage: kopru generate-demo [--seed N] --out DIR',
    '',
    `  --seed N     random seed, a whole number from 0 to ${MAX_SEED} (default ${DEMO_DEFAULT_SEED}, the seed of data/demo)`,
    '  --out DIR    bundle folder to write; created if missing. An existing bundle there is replaced as a',
    '               whole (other files such as README.md are kept); any other non-empty folder is refused.',
    '',
    'The data is SYNTHETIC: no real organization or tie. Same seed → byte-identical files.',
  ].join('\n'),
  async run(argv, io) {
    const { values } = parseFlags(argv, { seed: { type: 'string' }, out: { type: 'string' } }, false);
    const parsed = flagsSchema.safeParse(values);
    if (!parsed.success) {
      throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
    }
    const seed = parsed.data.seed ?? DEMO_DEFAULT_SEED;
    const dataset = generateDemo(seed);
    const result = await writeBundleFolder(resolve(io.cwd, parsed.data.out), serializeCsvBundle(dataset));
    io.stdout(
      `Wrote the SYNTHETIC Köprü demo (seed ${seed}) to ${result.dir}: ${result.written.join(', ')}\n` +
        `${formatDemoSummary(summarizeDemo(dataset))}\n`,
    );
    return 0;
  },
};
