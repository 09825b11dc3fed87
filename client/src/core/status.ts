/**
 * Status of anything fetched: a discriminated union, so a view cannot read data that is not there.
 * An error keeps the data it replaced (if any), so a failed refresh does not blank what was shown.
 */
export type FailureKind = 'unavailable' | 'not-found' | 'invalid' | 'network' | 'server';

export interface Failure {
  kind: FailureKind;
  /** HTTP status, 0 when the server could not be reached. */
  status: number;
  /** The server's error code (`{error:{code}}`), or a client code such as `network`. */
  code: string;
  message: string;
  /** Seconds the server asked us to wait (Retry-After), when it said. */
  retryAfter: number | null;
}

export type Status<T> =
  | { status: 'idle' }
  | { status: 'loading'; previous: T | null }
  | { status: 'ready'; data: T }
  | { status: 'error'; error: Failure; previous: T | null };

export const IDLE: Status<never> = { status: 'idle' };

export function loading<T>(from: Status<T> | undefined): Status<T> {
  return { status: 'loading', previous: dataOf(from) };
}

export function ready<T>(data: T): Status<T> {
  return { status: 'ready', data };
}

export function failed<T>(error: Failure, from: Status<T> | undefined): Status<T> {
  return { status: 'error', error, previous: dataOf(from) };
}

/** The data to show: the current data, or what an ongoing reload or a failure replaced. */
export function dataOf<T>(status: Status<T> | undefined): T | null {
  if (status === undefined) return null;
  switch (status.status) {
    case 'ready':
      return status.data;
    case 'loading':
    case 'error':
      return status.previous;
    case 'idle':
      return null;
  }
}

export function isSettled(status: Status<unknown> | undefined): boolean {
  return status !== undefined && (status.status === 'ready' || status.status === 'error');
}
