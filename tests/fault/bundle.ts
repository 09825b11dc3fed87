/**
 * Seeded CSV bundles for the fault trials: big enough that importing one takes seconds (so a kill
 * lands inside the transaction), and two variants that overlap, so that "A then B" is a real
 * update (shared ids with other names and levels, ids only in A, ids only in B) and any partial
 * application of B shows up in the fingerprint.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface BundleSpec {
  /** `A` or `B`: B shifts the id range by a quarter and renames every organization. */
  variant: 'A' | 'B';
  organizations: number;
  /** Reported ties per wave (duplicates are drawn again, so this is exact). */
  tiesPerWave: number;
  seed: number;
}

export const WAVES = ['pre', 'post'] as const;

/** mulberry32: small, fast and reproducible across Node versions. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function organizationIds(spec: BundleSpec): string[] {
  const offset = spec.variant === 'A' ? 0 : Math.floor(spec.organizations / 4);
  return Array.from({ length: spec.organizations }, (_, i) => `org-${String(i + offset).padStart(6, '0')}`);
}

/** The bundle's files as text, by name. */
export function bundleFiles(spec: BundleSpec): Record<string, string> {
  const random = seededRandom(spec.seed);
  const ids = organizationIds(spec);
  const cities = ['İstanbul', 'Gaziantep', 'Ankara', 'İzmir'];
  const organizations = ['id,name,kind,city,focus'];
  for (const [i, id] of ids.entries()) {
    const kind = i % 3 === 0 ? 'institution' : 'ngo';
    const city = cities[Math.floor(random() * cities.length)]!;
    organizations.push(`${id},Organization ${id} (${spec.variant}),${kind},${city},focus-${i % 7}`);
  }
  const ties = ['source,target,wave,level'];
  for (const wave of WAVES) {
    const seen = new Set<string>();
    while (seen.size < spec.tiesPerWave) {
      const a = Math.floor(random() * ids.length);
      const b = Math.floor(random() * ids.length);
      const key = `${a}>${b}`;
      if (a === b || seen.has(key)) continue;
      seen.add(key);
      ties.push(`${ids[a]},${ids[b]},${wave},${1 + Math.floor(random() * 4)}`);
    }
  }
  const waves = ['id,label,date', 'pre,Before,2019-03-01', 'post,After,2020-03-01'];
  const events = ['id,name,date,type'];
  const attendance = ['organization,event'];
  for (let e = 0; e < 20; e++) {
    const id = `ev-${spec.variant}-${e}`;
    events.push(
      `${id},Meeting ${e} (${spec.variant}),2019-${String(4 + (e % 8)).padStart(2, '0')}-15,workshop`,
    );
    for (let k = 0; k < 30; k++) attendance.push(`${ids[Math.floor(random() * ids.length)]},${id}`);
  }
  const responses = ['organization,wave,status'];
  for (const id of ids) {
    for (const wave of WAVES) responses.push(`${id},${wave},${random() < 0.8 ? 'responded' : 'missing'}`);
  }
  return {
    'organizations.csv': organizations.join('\n') + '\n',
    'ties.csv': ties.join('\n') + '\n',
    'waves.csv': waves.join('\n') + '\n',
    'events.csv': events.join('\n') + '\n',
    // A duplicate attendance row is allowed by the format; keep the files simple and exact.
    'attendance.csv': [...new Set(attendance)].join('\n') + '\n',
    'responses.csv': responses.join('\n') + '\n',
    'dataset.json': JSON.stringify({ name: `Fault trial bundle ${spec.variant}`, synthetic: true }) + '\n',
  };
}

/** Writes the bundle into `dir` (created) and returns the files as text too (for uploads). */
export async function writeBundle(dir: string, spec: BundleSpec): Promise<Record<string, string>> {
  const files = bundleFiles(spec);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return files;
}
