/**
 * File-system adapter for public releases: each release is one JSON file
 * `<KOPRU_HOME>/public/releases/<releaseId>.json`, written atomically (temporary sibling + rename),
 * so the public route serves a complete file or the previous one, and never asks the database.
 * A file that cannot be read as a release is skipped (and named in `problems`), never served.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import {
  buildPublicRelease,
  PUBLIC_RELEASE_TYPE,
  PUBLIC_RELEASE_VERSION,
  releaseCounts,
  type PublicRelease,
  type PublicReleaseCounts,
} from '../domain/privacy/public-release.js';
import type { Dataset } from '../domain/types.js';
import { writeTextFileAtomically } from './write-export.js';

const RELEASE_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json$/;

/** Where releases live under a Köprü home folder (KOPRU_HOME, default `.kopru/`). */
export function releasesDirOf(home: string): string {
  return path.join(home, 'public', 'releases');
}

/** A new release id (also its file name). */
export function newReleaseId(): string {
  return randomUUID();
}

/** A fresh random id for a cell or a named organization: 48 random bits, hex. */
export function newPublicId(): string {
  return randomBytes(6).toString('hex');
}

export interface ReleaseMeta {
  id: string;
  publishedAt: string;
  counts: PublicReleaseCounts;
}

/** Enough of the shape to refuse a file that is not a release; the writer is ours. */
const StoredRelease = z.looseObject({
  type: z.literal(PUBLIC_RELEASE_TYPE),
  version: z.literal(PUBLIC_RELEASE_VERSION),
  id: z.string(),
  publishedAt: z.string(),
  cells: z.array(z.looseObject({ names: z.array(z.unknown()) })),
  links: z.array(z.unknown()),
  namedTies: z.array(z.unknown()),
});

export function serializeRelease(release: PublicRelease): string {
  return `${JSON.stringify(release, null, 2)}\n`;
}

/** Writes the release as `<dir>/<id>.json`, atomically. */
export async function writeRelease(dir: string, release: PublicRelease): Promise<string> {
  if (!RELEASE_FILE.test(`${release.id}.json`)) throw new Error(`bad release id ${release.id}`);
  const file = path.join(dir, `${release.id}.json`);
  await writeTextFileAtomically(file, serializeRelease(release));
  return file;
}

interface LoadedRelease {
  release: PublicRelease;
  text: string;
}

async function readAll(dir: string): Promise<LoadedRelease[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const loaded: LoadedRelease[] = [];
  for (const name of names) {
    const match = RELEASE_FILE.exec(name);
    if (!match) continue;
    try {
      const text = await readFile(path.join(dir, name), 'utf8');
      const parsed = StoredRelease.safeParse(JSON.parse(text));
      if (parsed.success && parsed.data.id === match[1]) {
        loaded.push({ release: parsed.data as unknown as PublicRelease, text });
      }
    } catch {
      // Unreadable or not JSON: not a release we can serve.
    }
  }
  return loaded.sort(
    (a, b) =>
      b.release.publishedAt.localeCompare(a.release.publishedAt) || b.release.id.localeCompare(a.release.id),
  );
}

/** Metadata of every release, newest first. */
export async function listReleases(dir: string): Promise<ReleaseMeta[]> {
  return (await readAll(dir)).map(({ release }) => ({
    id: release.id,
    publishedAt: release.publishedAt,
    counts: releaseCounts(release),
  }));
}

/** The newest release and its file's exact text, or null when nothing was published. */
export async function latestRelease(dir: string): Promise<LoadedRelease | null> {
  return (await readAll(dir))[0] ?? null;
}

/** Builds a release of `dataset` now, with a new release id and fresh random ids inside. */
export function createRelease(dataset: Dataset, at: Date = new Date()): PublicRelease {
  return buildPublicRelease(dataset, {
    id: newReleaseId(),
    publishedAt: at.toISOString(),
    newId: newPublicId,
  });
}
