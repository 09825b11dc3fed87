/**
 * Uploading a dataset (coordinators): the chosen files' texts, the "replace the whole dataset" choice
 * and where the upload stands, as one discriminated union so a view cannot show a preview that is not
 * there. Choosing files (or changing `replace`) asks the server for a preview; `commitUpload` imports
 * and then reloads the dataset so the map shows the new data.
 */
import { toFailure } from '../../api/http';
import type { UploadCommit, UploadIssue, UploadPreview } from '../../api/types';
import { UploadFailure, type UploadApi } from '../../api/upload';
import { reloadDataset } from '../data';
import type { Failure } from '../status';
import { createStore } from '../store';

export interface UploadFile {
  /** The name as chosen, with its folder when a folder was dropped (`bundle/ties.csv`). */
  name: string;
  size: number;
  text: string;
}

export type UploadStep =
  | { step: 'empty' }
  | { step: 'reading' }
  | { step: 'read-failed'; message: string }
  | { step: 'previewing' }
  | { step: 'preview-failed'; error: Failure }
  | { step: 'preview'; preview: UploadPreview }
  | { step: 'committing'; preview: UploadPreview; progress: number | null }
  | { step: 'commit-failed'; preview: UploadPreview; error: Failure; issues: UploadIssue[] }
  | { step: 'committed'; result: UploadCommit };

export interface UploadState {
  files: UploadFile[];
  replace: boolean;
  current: UploadStep;
}

export const INITIAL_UPLOAD: UploadState = { files: [], replace: false, current: { step: 'empty' } };

export const uploadStore = createStore<UploadState>(INITIAL_UPLOAD);

/** Most files one upload may carry (the server's limit). */
export const MAX_UPLOAD_FILES = 20;

let api: UploadApi | null = null;

export function useUploadApi(next: UploadApi): void {
  api = next;
}

function client(): UploadApi {
  if (!api) throw new Error('The upload module has no API client: call useUploadApi() first.');
  return api;
}

function patch(change: Partial<UploadState>): void {
  uploadStore.set({ ...uploadStore.get(), ...change });
}

function request(state: UploadState): { files: Record<string, string>; replace: boolean } {
  return {
    files: Object.fromEntries(state.files.map((file) => [file.name, file.text])),
    replace: state.replace,
  };
}

// Each preview request gets a number; an answer to an older one (files changed since) is dropped.
let previewSeq = 0;

async function runPreview(): Promise<void> {
  const state = uploadStore.get();
  if (state.files.length === 0) {
    patch({ current: { step: 'empty' } });
    return;
  }
  const seq = ++previewSeq;
  patch({ current: { step: 'previewing' } });
  try {
    const preview = await client().preview(request(state));
    if (seq === previewSeq) patch({ current: { step: 'preview', preview } });
  } catch (error) {
    if (seq === previewSeq) patch({ current: { step: 'preview-failed', error: toFailure(error) } });
  }
}

/** Reads the chosen files as text and asks for their preview. */
export async function chooseFiles(chosen: readonly { name: string; blob: Blob }[]): Promise<void> {
  const seq = ++previewSeq;
  patch({ files: [], current: { step: 'reading' } });
  try {
    const files = await Promise.all(
      chosen.map(async ({ name, blob }) => ({ name, size: blob.size, text: await blob.text() })),
    );
    if (seq !== previewSeq) return;
    patch({ files: files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) });
  } catch (error) {
    if (seq === previewSeq) {
      patch({
        current: { step: 'read-failed', message: error instanceof Error ? error.message : String(error) },
      });
    }
    return;
  }
  await runPreview();
}

/** "Replace the whole dataset": what would be removed changes, so the preview is asked again. */
export async function setReplace(replace: boolean): Promise<void> {
  if (uploadStore.get().replace === replace) return;
  patch({ replace });
  const { current } = uploadStore.get();
  if (current.step !== 'empty' && current.step !== 'reading' && current.step !== 'read-failed') {
    await runPreview();
  }
}

export function retryPreview(): Promise<void> {
  return runPreview();
}

/** True when the shown preview found no problem, so the files may be imported. */
export function canCommit(state: UploadState): boolean {
  const { current } = state;
  return (current.step === 'preview' || current.step === 'commit-failed') && current.preview.ok;
}

/** Imports the files (all or nothing), then reloads the dataset and the map. */
export async function commitUpload(): Promise<void> {
  const state = uploadStore.get();
  const { current } = state;
  if (!canCommit(state) || (current.step !== 'preview' && current.step !== 'commit-failed')) return;
  const preview = current.preview;
  patch({ current: { step: 'committing', preview, progress: 0 } });
  try {
    const result = await client().commit(request(state), (progress) => {
      const now = uploadStore.get().current;
      if (now.step === 'committing') patch({ current: { ...now, progress } });
    });
    patch({ current: { step: 'committed', result } });
    await reloadDataset();
  } catch (error) {
    patch({
      current: {
        step: 'commit-failed',
        preview,
        error: toFailure(error),
        issues: error instanceof UploadFailure ? error.issues : [],
      },
    });
  }
}

/** Forgets the files and the outcome (a new upload). */
export function resetUpload(): void {
  previewSeq++;
  uploadStore.set(INITIAL_UPLOAD);
}
