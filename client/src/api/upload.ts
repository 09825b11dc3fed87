/**
 * The upload client: POST /api/uploads/preview and /commit with the files' texts as JSON. It uses
 * XMLHttpRequest rather than fetch for the upload progress events (fetch has none), and turns every
 * way a request can fail into the same typed `Failure` as the GET clients (http.ts), keeping the
 * server's `details` (the problems found in the files) when it sends them.
 */
import type { Failure, FailureKind } from '../core/status';
import { ApiFailure, csrfHeaders } from './http';
import type { UploadCommit, UploadIssue, UploadPreview, UploadRequest } from './types';

/** Fraction of the request body sent, 0..1; null when the browser cannot tell. */
export type UploadProgress = (fraction: number | null) => void;

export interface UploadApi {
  preview(request: UploadRequest): Promise<UploadPreview>;
  commit(request: UploadRequest, onProgress?: UploadProgress): Promise<UploadCommit>;
}

/** A failed upload request: the Failure, plus the file problems of a 400 `invalid_input`. */
export class UploadFailure extends ApiFailure {
  constructor(
    failure: Failure,
    readonly issues: UploadIssue[],
  ) {
    super(failure);
    this.name = 'UploadFailure';
  }
}

function kindOf(status: number): FailureKind {
  if (status === 0) return 'network';
  if (status === 503 || status === 502 || status === 504) return 'unavailable';
  if (status === 404) return 'not-found';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown };
}

function issuesOf(details: unknown): UploadIssue[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (item): item is UploadIssue =>
      typeof item === 'object' && item !== null && typeof (item as UploadIssue).reason === 'string',
  );
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function post<T>(url: string, body: UploadRequest, onProgress?: UploadProgress): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', 'application/json');
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(csrfHeaders())) xhr.setRequestHeader(name, value);
    if (onProgress) {
      xhr.upload.addEventListener('progress', (event) => {
        onProgress(event.lengthComputable && event.total > 0 ? event.loaded / event.total : null);
      });
    }
    xhr.addEventListener('load', () => {
      const json = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300 && json !== null) {
        resolve(json as T);
        return;
      }
      const error = ((json ?? {}) as ErrorBody).error ?? {};
      const retryHeader = xhr.getResponseHeader('retry-after');
      reject(
        new UploadFailure(
          {
            kind: kindOf(xhr.status),
            status: xhr.status,
            code: typeof error.code === 'string' ? error.code : `http_${xhr.status}`,
            message: typeof error.message === 'string' ? error.message : `HTTP ${xhr.status}`,
            retryAfter: retryHeader !== null && /^\d+$/.test(retryHeader) ? Number(retryHeader) : null,
          },
          issuesOf(error.details),
        ),
      );
    });
    const networkError = (): void =>
      reject(
        new UploadFailure(
          { kind: 'network', status: 0, code: 'network', message: 'The request failed', retryAfter: null },
          [],
        ),
      );
    xhr.addEventListener('error', networkError);
    xhr.addEventListener('abort', networkError);
    xhr.send(JSON.stringify(body));
  });
}

export function createUploadApi(base = '/api'): UploadApi {
  return {
    preview: (request) => post<UploadPreview>(`${base}/uploads/preview`, request),
    commit: (request, onProgress) => post<UploadCommit>(`${base}/uploads/commit`, request, onProgress),
  };
}
